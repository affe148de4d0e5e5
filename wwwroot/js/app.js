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
};
