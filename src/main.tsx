// Entry point: wire the app's services onto the store, choose the language and the colour
// scheme, start looking for a GPU, then render the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installAppServices } from './app/services';
import { initI18n } from './i18n';
import { appStore } from './store';
import { App } from './ui/App';
import { applyInitialColorScheme } from './ui/common/colorScheme';
import { installTestApi, isTestMode } from './ui/common/testApi';
import './ui/styles/global.css';

installAppServices(appStore);
const { settings, gpu } = appStore.getState();
initI18n(settings.language);
applyInitialColorScheme(settings.colorScheme);
if (isTestMode(window.location.search)) installTestApi(appStore);
void gpu.init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
