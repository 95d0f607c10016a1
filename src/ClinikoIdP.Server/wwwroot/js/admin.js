// Copy buttons: <button type="button" data-copy="element-id">Copy</button> copies that element's text or value.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  const source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) return;
  const text = "value" in source ? source.value : source.textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  } catch {
    if (source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement) source.select();
  }
});
