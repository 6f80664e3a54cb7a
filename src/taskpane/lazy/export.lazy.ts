/** Bundle boundary: the .docx writer, loaded with import() on first export. */
export { exportNotice } from '../../core';
