// The presenter view of a story (issue 19): polls the story's state.json, shows the
// narration, the customer's SMS, letters and emails, reloads the portal and intermediary
// frames when the story moves, and plays next / back from the keyboard (→ N, ← B).
(() => {
  const root = document.querySelector("[data-testid=presenter]");
  if (!root) return;
  const url = root.dataset.state;
  let version = null;

  const text = (selector, value) => {
    const node = root.querySelector(selector);
    if (node) node.textContent = value;
  };

  const fill = (list, messages) => {
    list.replaceChildren();
    if (!messages.length) {
      const empty = document.createElement("li");
      empty.className = "muted";
      empty.textContent = list.dataset.empty;
      list.append(empty);
      return;
    }
    for (const m of messages) {
      const item = document.createElement("li");
      const head = document.createElement("strong");
      head.textContent = `${m.at} · ${m.subject}`;
      const body = document.createElement("p");
      body.textContent = m.body;
      item.append(head, body);
      list.append(item);
    }
  };

  const show = (state) => {
    text("[data-testid=presenter-narration]", state.narration);
    root.querySelector("[data-testid=presenter-not-started]").hidden = state.started;
    if (!state.started) return;
    text("[data-testid=presenter-progress]", `${state.done} / ${state.total}`);
    text("[data-testid=presenter-clock]", state.clock);
    root.querySelector("[data-frame=portal]").src = state.portal;
    root.querySelector("[data-frame=intermediary]").src = state.intermediary;
    for (const list of root.querySelectorAll("[data-list]")) fill(list, state[list.dataset.list]);
    for (const pane of root.querySelectorAll("[data-pane]")) {
      pane.classList.toggle("focus", pane.dataset.pane === state.focus);
    }
  };

  const poll = async () => {
    try {
      const answer = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (answer.ok) {
        const state = await answer.json();
        if (state.version !== version) {
          version = state.version;
          show(state);
        }
      }
    } catch (error) {
      // the next poll tries again
    }
    setTimeout(poll, 1500);
  };

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, textarea, select")) return;
    const keys = { ArrowRight: "next", n: "next", N: "next", ArrowLeft: "back", b: "back", B: "back" };
    const move = keys[event.key];
    if (!move) return;
    event.preventDefault();
    root.querySelector(`form[data-key=${move}]`).submit();
  });

  poll();
})();
