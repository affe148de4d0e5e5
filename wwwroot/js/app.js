// Small browser helpers for MonitorDashboard (no external resources; allowed by the CSP as 'self'). Loaded in the head,
// before the body is parsed, so it sees everything typed into the prerendered page.
window.monitorDashboard = {
  getTheme: () => { try { return localStorage.getItem("md-theme"); } catch { return null; } },
  setTheme: (value) => { try { localStorage.setItem("md-theme", value); } catch { /* private mode */ } },
  // Saves text as a file (CSV export) without a round trip to the server.
  download: (fileName, contentType, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  },
  // What was typed into a prerendered field marked data-keep-typed and not handed over yet (see below); the page asks
  // once it is interactive, in case the hand-over could not find the new field.
  typed: {},
  takeTyped: (key) => {
    const kept = window.monitorDashboard.typed[key];
    delete window.monitorDashboard.typed[key];
    return kept?.value ?? null;
  },
};

// The keep-typed hand-over. When the page becomes interactive, Blazor replaces the prerendered page, and with it the
// field the user may be typing into. The text typed so far is kept per field key; the moment the interactive field
// (marked data-keep-typed-target with the same key) replaces it, it gets the text, an input event so the page sees
// it, and the focus if the old field had it, so the next keystrokes land there too instead of nowhere.
(() => {
  const kept = window.monitorDashboard.typed;
  const keyOf = (target, attribute) =>
    target instanceof Element ? target.closest(`[${attribute}]`)?.getAttribute(attribute) ?? null : null;
  const entry = (key) => (kept[key] ??= { value: "", focused: false });

  document.addEventListener("input", (e) => {
    const key = keyOf(e.target, "data-keep-typed");
    if (key && "value" in e.target) {
      entry(key).value = e.target.value;
    }
  }, true);
  document.addEventListener("focusin", (e) => {
    const key = keyOf(e.target, "data-keep-typed");
    if (key) {
      entry(key).focused = true;
    }
  }, true);
  document.addEventListener("focusout", (e) => {
    const key = keyOf(e.target, "data-keep-typed");
    // Removed while focused (replaced by the interactive page) keeps the focus for the new field; moved away does not.
    if (key && kept[key]) {
      setTimeout(() => { if (e.target.isConnected && kept[key]) kept[key].focused = false; }, 0);
    }
  }, true);

  const handOver = () => {
    for (const key of Object.keys(kept)) {
      if (document.querySelector(`[data-keep-typed="${key}"]`)) {
        continue; // still the prerendered field
      }
      const holder = document.querySelector(`[data-keep-typed-target="${key}"]`);
      const field = holder?.matches("input, textarea") ? holder : holder?.querySelector("input, textarea");
      if (!field) {
        continue;
      }
      const { value, focused } = kept[key];
      delete kept[key];
      if (value && !field.value) {
        field.value = value;
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      if (focused) {
        field.focus();
        field.setSelectionRange?.(field.value.length, field.value.length);
      }
    }
  };
  new MutationObserver(() => { if (Object.keys(kept).length > 0) handOver(); })
    .observe(document, { childList: true, subtree: true });
})();
