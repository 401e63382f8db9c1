/** The /widget page's entry: read the query, pick the language, mount the app. */
import './styles.css';
import { WidgetApp } from './app.js';
import { setLang, t } from './i18n.js';
import { parseWidgetQuery } from './params.js';
import { ensureVisitorToken, reportDirectVisit, startTrailFrame } from './trail.js';

const params = parseWidgetQuery(window.location.search);
setLang(params.lang);
document.documentElement.lang = params.lang;
document.title = t('title');
const root = document.getElementById('app');
const mount = () => root && new WidgetApp(params).mount(root);
// 轨迹: a hidden trail frame from widget.js only reports; a page opened directly first gets its
// identity (so the app resumes it) and reports itself; the chat frame inside a site also waits for
// the identity, so a click right after load cannot create a second visitor beside the trail frame's.
if (new URLSearchParams(window.location.search).get('mode') === 'trail') startTrailFrame();
else if (window.top === window)
  void ensureVisitorToken().finally(() => {
    mount();
    void reportDirectVisit();
  });
else void ensureVisitorToken().finally(mount);
