// The same jsdom set-up as the workstation's component tests (timeouts, act, matchMedia, ResizeObserver).
import '../../renderer/testing/setupDom.js';
