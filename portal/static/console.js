// Copy buttons of the console: put the code of a message on the clipboard.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const done = () => { button.textContent = "Copied"; setTimeout(() => { button.textContent = "Copy"; }, 1500); };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(button.dataset.copy).then(done, () => {});
  }
});
