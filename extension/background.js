// The extension's service worker: the toolbar button (or its shortcut, Alt+Shift+D) opens the
// side panel for the tab it was pressed on. The button grants `activeTab`, the one permission to
// read that tab, until the tab navigates; the side panel (sidepanel.js) then reads the page.
//
// The panel is per tab (its path names the tab), so each tab keeps its own analysis and Chrome
// hides it on other tabs. `sidePanel.open()` must be called while the click is being handled,
// before anything is awaited.

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined || tab.id < 0) return;
  chrome.sidePanel.setOptions({ tabId: tab.id, path: `sidepanel.html?tab=${tab.id}`, enabled: true });
  chrome.sidePanel.open({ tabId: tab.id });
  // A panel already open for this tab reads the page again (it may have changed, or navigated);
  // a panel that is opening reads it anyway, so nobody may be listening yet.
  chrome.runtime.sendMessage({ type: 'isnad:read', tabId: tab.id }).catch(() => {});
});
