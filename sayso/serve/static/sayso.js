// sayso: show an attribution's details when its highlight is clicked; say when a pasted article is being read.
// No framework, no markup built from strings: the details are copied from the page's own cards.
"use strict";

function showAttribution(index) {
  const card = document.getElementById("attr-" + index);
  const panel = document.getElementById("panel");
  if (!card || !panel) return;
  const body = panel.querySelector(".panel-body");
  const copy = card.cloneNode(true);
  copy.removeAttribute("id");
  body.replaceChildren(copy);
  panel.hidden = false;
  for (const mark of document.querySelectorAll("mark.selected")) mark.classList.remove("selected");
  for (const mark of document.querySelectorAll("mark[data-a]")) {
    if (mark.dataset.a === String(index)) mark.classList.add("selected");
  }
}

function hidePanel() {
  const panel = document.getElementById("panel");
  if (panel) panel.hidden = true;
  for (const mark of document.querySelectorAll("mark.selected")) mark.classList.remove("selected");
}

document.addEventListener("click", (event) => {
  const mark = event.target.closest("#text mark[data-a]");
  if (mark) showAttribution(mark.dataset.a);
  else if (event.target.closest("[data-close]")) hidePanel();
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") hidePanel();
  const mark = event.target.closest && event.target.closest("#text mark[data-a]");
  if (mark && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    showAttribution(mark.dataset.a);
  }
});

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("paste-form");
  if (!form) return;
  const text = document.getElementById("paste-text");
  const count = document.getElementById("paste-count");
  const limit = Number(text.dataset.limit);
  const update = () => {
    // What the form will send, encoded: the size the server's limit counts ("text=" and all);
    // an empty box is said to be empty, not the 5 bytes of its field name.
    const bytes = new URLSearchParams({ text: text.value }).toString().length;
    count.value = text.value ? bytes.toLocaleString() + " bytes," : "empty,";
    text.setCustomValidity(bytes > limit ? "This article is longer than the server takes." : "");
  };
  text.addEventListener("input", update);
  update();
  form.addEventListener("submit", () => {
    const button = document.getElementById("paste-submit");
    button.disabled = true;
    button.textContent = "Reading the article…";
  });
});
