// Small browser helpers for MonitorDashboard (no external resources; allowed by the CSP as 'self').
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
  // Text typed into a prerendered field marked data-keep-typed, before the page became interactive (the interactive
  // page replaces the prerendered one when it connects); the page takes it back once, by the field's key.
  typed: {},
  takeTyped: (key) => {
    const value = window.monitorDashboard.typed[key];
    delete window.monitorDashboard.typed[key];
    return value ?? null;
  },
};

document.addEventListener("input", (e) => {
  const holder = e.target instanceof Element ? e.target.closest("[data-keep-typed]") : null;
  if (holder && "value" in e.target) {
    window.monitorDashboard.typed[holder.getAttribute("data-keep-typed")] = e.target.value;
  }
}, true);
