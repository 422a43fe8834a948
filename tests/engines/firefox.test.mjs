// @ts-check
// The smoke suite (smoke.mjs) in Firefox ESR, through WebDriver BiDi.
import { smoke } from './smoke.mjs';
import { firefox } from './browsers.mjs';

smoke('Firefox ESR', firefox);
