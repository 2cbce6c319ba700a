// Watching a trainee (issue 19): polls the watch's state.json, which also keeps the
// trainer's heartbeat alive, and reloads the read-only frame when the trainee moves.
(() => {
  const root = document.querySelector("[data-testid=watch]");
  if (!root) return;
  const frame = root.querySelector("[data-testid=watch-frame]");
  const path = root.querySelector("[data-testid=watch-path]");
  let version = null;

  const poll = async () => {
    try {
      const answer = await fetch(root.dataset.state, { credentials: "same-origin" });
      if (!answer.ok) return;
      const state = await answer.json();
      if (version !== null && state.version !== version) {
        frame.src = `${root.dataset.frame}?v=${encodeURIComponent(state.version)}`;
      }
      version = state.version;
      path.textContent = state.path || "-";
    } catch (error) {
      // the next poll tries again
    }
  };

  poll();
  setInterval(poll, 2000);
})();
