// django-import-export calls onSelectToggleChange from an inline onchange attribute, which the
// Content-Security-Policy blocks (and reports on every click); attach the handler from here.
document.querySelectorAll("input.select-toggle[onchange]").forEach((box) => {
  box.removeAttribute("onchange");
  if (typeof onSelectToggleChange === "function") {
    box.addEventListener("change", onSelectToggleChange);
  }
});
