/** Every rule name a Fix can carry (stable; documented in docs/MODEL.md). */
import { NAME_RULES } from './name-rules';
import { TEXT_RULES } from './text-rules';

export const FIX_RULES: readonly string[] = [...Object.values(TEXT_RULES), ...Object.values(NAME_RULES)];
