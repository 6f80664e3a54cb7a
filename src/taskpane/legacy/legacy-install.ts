/**
 * Installs the IE11 polyfills when imported. The one module that acts at import time, on purpose:
 * the core's modules build Sets, RegExps and TextDecoders as they load, so this must run first
 * (legacy.entry.ts imports it before anything else).
 */
import { installLegacyPolyfills } from './legacy-methods';

installLegacyPolyfills(typeof window !== 'undefined' ? window : globalThis);
