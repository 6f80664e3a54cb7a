/** Entry of the standalone page (dist-standalone/fenjie.html): one file opened from disk, no network. */
import { savedLang, StandalonePage } from './standalone-page';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function boot(): void {
  const root = document.getElementById('app');
  if (root) new StandalonePage(root, savedLang(storage())).draw();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
