// @ts-check
// The smoke suite (smoke.mjs) in WebKit (WebKitGTK's MiniBrowser, through WebKitWebDriver);
// needs a display: run under xvfb-run (tests/engines/run.sh).
import { smoke } from './smoke.mjs';
import { webkit } from './browsers.mjs';

smoke('WebKit', webkit);
