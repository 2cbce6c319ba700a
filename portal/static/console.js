// Copy buttons of the console: put the code of a message on the clipboard. The words
// shown ("Copy", "Copied") are in the trainer's language, from the button's data-*.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const { copied, copyLabel } = button.dataset;
  const done = () => { button.textContent = copied; setTimeout(() => { button.textContent = copyLabel; }, 1500); };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(button.dataset.copy).then(done, () => {});
  }
});
