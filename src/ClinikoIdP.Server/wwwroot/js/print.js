// A file of its own so the Content-Security-Policy can forbid inline scripts.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
