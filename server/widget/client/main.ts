/** The /widget page's entry: read the query, pick the language, mount the app. */
import './styles.css';
import { WidgetApp } from './app.js';
import { setLang, t } from './i18n.js';
import { parseWidgetQuery } from './params.js';

const params = parseWidgetQuery(window.location.search);
setLang(params.lang);
document.documentElement.lang = params.lang;
document.title = t('title');
const root = document.getElementById('app');
if (root) new WidgetApp(params).mount(root);
