// corpus-qa's chat in the browser: conversations kept in localStorage, sources per answer.
//
// Why a script of our own: Gradio's Chatbot shows one list of messages whose sources live
// elsewhere and are lost on a reload. Here each answer arrives from the server as HTML that
// ui/render.py escaped (text from a question is only ever set with textContent), and this
// script keeps every conversation in the browser, so a reload or a server restart loses
// nothing and a request carries only the question and the last few turns.
//
// The server side (ui/app.py) talks to this script through Gradio events:
//   send:  js `beforeSend` shows the question at once and adds the request (ids, history);
//   reply: every yield of the answer lands in a hidden JSON component -> `onTurn`;
//   stop:  Gradio cancels the event -> `onStop` keeps what had arrived;
//   votes: `trigger('submit', {...})` of the chat component -> QAService.record_feedback.
(function () {
  "use strict";
  if (window.cqa) return;
  const KEY = "corpus-qa.conversations.v1";
  const DRAFT = "corpus-qa.draft.v1";
  const HISTORY_TURNS = 3; // exchanges sent with a question, for follow-ups
  const HISTORY_CHARS = 3000; // per message: keeps a request far below the body limit
  const config = Object.assign({ maxChars: 2000 }, window.CQA_CONFIG || {});

  // --- storage -----------------------------------------------------------------------
  function newId(prefix) {
    const bytes = new Uint8Array(9);
    crypto.getRandomValues(bytes);
    return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function load() {
    try {
      const data = JSON.parse(localStorage.getItem(KEY) || "null");
      if (data && Array.isArray(data.items)) {
        // A reload or a restart while an answer was on its way: that answer is not coming.
        for (const conv of data.items) {
          for (const turn of conv.turns || []) {
            if (turn.state === "pending" || turn.state === "streaming") turn.state = "stopped";
          }
        }
        return data;
      }
    } catch (e) {
      console.warn("corpus-qa: stored conversations unreadable, starting afresh", e);
    }
    return { current: null, items: [] };
  }

  let state = load();

  function save() {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (e) {
      announce("This browser's storage is full: delete some old conversations to keep new ones.");
      return false;
    }
  }

  function current() {
    return state.items.find((c) => c.id === state.current) || null;
  }

  function ensureCurrent() {
    let conv = current();
    if (!conv) {
      conv = { id: newId("c"), title: "", renamed: false, created: Date.now(), updated: Date.now(), turns: [] };
      state.items.unshift(conv);
      state.current = conv.id;
    }
    return conv;
  }

  function titleOf(conv) {
    if (conv.title) return conv.title;
    const first = conv.turns[0];
    return first ? first.question.replace(/\s+/g, " ").slice(0, 60) : "New conversation";
  }

  function findTurn(turnId) {
    for (const conv of state.items) {
      const turn = conv.turns.find((t) => t.id === turnId);
      if (turn) return { conv, turn };
    }
    return null;
  }

  // --- helpers ---------------------------------------------------------------------------
  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function announce(message) {
    const status = $("#cqa-status");
    if (!status) return;
    status.textContent = "";
    window.setTimeout(() => (status.textContent = message), 50);
  }

  function questionBox() {
    return $("#question textarea") || $("#question input");
  }

  // --- the transcript ----------------------------------------------------------------------
  const PENDING = "<div class='cqa-answer cqa-pending' aria-busy='true'><p>Searching the documents…</p></div>";

  function answerHtml(turn) {
    if (turn.state === "pending") return PENDING;
    let html = turn.html || "";
    if (turn.state === "stopped") html += "<p class='cqa-notice cqa-stopped'>Stopped before the answer was complete.</p>";
    return html;
  }

  function fillAnswer(box, turn) {
    box.innerHTML = answerHtml(turn); // HTML escaped by ui/render.py, or our own constants
    box.setAttribute("aria-busy", turn.state === "pending" || turn.state === "streaming" ? "true" : "false");
    box.querySelectorAll(".cqa-vote").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.dataset.vote === turn.vote));
    });
  }

  function turnNode(turn) {
    const node = el("div", { class: "cqa-turn", id: "turn-" + turn.id, "data-turn": turn.id });
    const asked = el("div", { class: "cqa-q" });
    asked.appendChild(el("span", { class: "cqa-sr" }, "You asked: "));
    asked.appendChild(el("p", { class: "cqa-q-text" }, turn.question)); // as typed, plain text
    const box = el("div", { class: "cqa-a-wrap" });
    fillAnswer(box, turn);
    node.append(asked, box);
    return node;
  }

  function renderTranscript() {
    const transcript = $("#cqa-transcript");
    if (!transcript) return;
    const conv = current();
    transcript.replaceChildren(...(conv ? conv.turns.map(turnNode) : []));
    document.body.classList.toggle("cqa-has-turns", !!(conv && conv.turns.length));
  }

  function renderAll() {
    renderTranscript();
    renderConversations();
  }

  // --- the conversation list ---------------------------------------------------------------
  function renderConversations() {
    const list = $("#cqa-conv-list");
    if (!list) return;
    const items = state.items.slice().sort((a, b) => b.updated - a.updated);
    list.replaceChildren(
      ...items.map((conv) => {
        const li = el("li");
        const button = el("button", {
          type: "button",
          class: "cqa-conv",
          "data-conv": conv.id,
          "aria-current": conv.id === state.current ? "true" : null,
        }, titleOf(conv));
        li.appendChild(button);
        return li;
      })
    );
    const conv = current();
    const actions = $("#cqa-conv-actions");
    if (actions) actions.hidden = !(conv && conv.turns.length);
    const empty = $("#cqa-conv-empty");
    if (empty) empty.hidden = items.length > 0;
    closeForms();
  }

  function closeForms() {
    const rename = $("#cqa-rename-form");
    const confirm = $("#cqa-delete-confirm");
    if (rename) rename.hidden = true;
    if (confirm) confirm.hidden = true;
  }

  function newChat() {
    const conv = current();
    if (conv && !conv.turns.length) {
      state.items = state.items.filter((c) => c !== conv);
    }
    state.current = null;
    save();
    renderAll();
    const box = questionBox();
    if (box) box.focus();
    announce("New conversation.");
  }

  function openConversation(id) {
    if (!state.items.some((c) => c.id === id)) return;
    state.current = id;
    save();
    renderAll();
    const conv = current();
    announce(`Opened “${titleOf(conv)}”, ${conv.turns.length} questions.`);
    const transcript = $("#cqa-transcript");
    if (transcript) transcript.scrollIntoView({ block: "start" });
  }

  function startRename() {
    const conv = current();
    const form = $("#cqa-rename-form");
    if (!conv || !form) return;
    closeForms();
    form.hidden = false;
    const input = $("input", form);
    input.value = titleOf(conv);
    input.focus();
    input.select();
  }

  function finishRename(event) {
    event.preventDefault();
    const conv = current();
    const input = $("#cqa-rename-input");
    if (conv && input) {
      conv.title = input.value.trim().slice(0, 200);
      conv.renamed = !!conv.title;
      save();
    }
    renderConversations();
    const button = $(`.cqa-conv[data-conv="${conv ? conv.id : ""}"]`);
    if (button) button.focus();
    announce("Conversation renamed.");
  }

  function askDelete() {
    const conv = current();
    const box = $("#cqa-delete-confirm");
    if (!conv || !box) return;
    closeForms();
    $("#cqa-delete-what").textContent = `Delete “${titleOf(conv)}”? Its questions and answers are removed from this browser.`;
    box.hidden = false;
    $("#cqa-delete-yes").focus();
  }

  function deleteCurrent() {
    const conv = current();
    if (!conv) return;
    state.items = state.items.filter((c) => c !== conv);
    state.current = null;
    save();
    renderAll();
    announce("Conversation deleted.");
    const box = questionBox();
    if (box) box.focus();
  }

  function exportCurrent() {
    const conv = current();
    if (!conv) return;
    const title = titleOf(conv);
    const when = new Date().toISOString().slice(0, 16).replace("T", " ");
    const parts = [`# ${title}`, "", `_Exported from corpus-qa on ${when} UTC._`];
    for (const turn of conv.turns) {
      parts.push("", "---", "");
      parts.push(turn.markdown || `**You:** ${turn.question}\n\n**Answer:** ${turn.text || "(no answer)"}`);
      if (turn.state === "stopped") parts.push("", "_(stopped before the answer was complete)_");
    }
    const blob = new Blob([parts.join("\n") + "\n"], { type: "text/markdown;charset=utf-8" });
    const link = el("a", {
      href: URL.createObjectURL(blob),
      download: (title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "conversation") + ".md",
    });
    document.body.appendChild(link);
    link.click();
    window.setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
    announce("Conversation exported as Markdown.");
  }

  // --- asking ------------------------------------------------------------------------------
  let pendingTurn = null; // the turn whose answer is on its way

  function historyOf(conv, before) {
    const done = conv.turns.filter((t) => t !== before && t.state === "done").slice(-HISTORY_TURNS);
    const out = [];
    for (const t of done) {
      out.push({ role: "user", content: t.question.slice(0, HISTORY_CHARS) });
      out.push({ role: "assistant", content: (t.text || "").slice(0, HISTORY_CHARS) });
    }
    return out;
  }

  // Gradio's `js` of the send events: its return value is what the server receives.
  function beforeSend(question, _request, topK, mode) {
    const text = (question || "").trim();
    if (!text) return [question, "", topK, mode];
    const conv = ensureCurrent();
    const turn = { id: newId("t"), question: text, state: "pending", created: Date.now() };
    const request = { conversation: conv.id, turn: turn.id, history: historyOf(conv, turn) };
    conv.turns.push(turn);
    conv.updated = Date.now();
    pendingTurn = turn.id;
    save();
    renderConversations();
    const transcript = $("#cqa-transcript");
    if (transcript) {
      document.body.classList.add("cqa-has-turns");
      const node = turnNode(turn);
      transcript.appendChild(node);
      node.scrollIntoView({ block: "start", behavior: "instant" });
    }
    localStorage.removeItem(DRAFT);
    updateCounter("");
    announce("Searching the documents…");
    return [question, JSON.stringify(request), topK, mode];
  }

  // Every value the server yields for a turn (several while it streams, then the answer).
  function onTurn(payload) {
    if (!payload || !payload.turn) return;
    const found = findTurn(payload.turn);
    if (!found) return; // its conversation was deleted meanwhile
    const { conv, turn } = found;
    if (turn.state === "stopped") return; // a late piece after Stop
    const finished = payload.state === "done" || payload.state === "error";
    const wasFinished = turn.state === "done" || turn.state === "error";
    Object.assign(turn, {
      state: payload.state,
      html: payload.html,
      text: payload.text || "",
      copy: payload.copy || "",
      markdown: payload.markdown || "",
      doc_ids: payload.doc_ids || [],
      mode: payload.mode || "extractive",
      question: payload.question || turn.question,
    });
    if (finished) {
      conv.updated = Date.now();
      if (pendingTurn === turn.id) pendingTurn = null;
      save();
    }
    const box = $(`#turn-${CSS.escape(turn.id)} .cqa-a-wrap`);
    if (box) {
      fillAnswer(box, turn);
      if (finished && !wasFinished) {
        const node = box.closest(".cqa-turn");
        const top = node.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight * 0.6) node.scrollIntoView({ block: "start" });
        const n = box.querySelectorAll(".cqa-source").length;
        announce(payload.state === "error" ? "The answer failed: " + box.textContent.trim()
          : `Answer ready${n ? `, with ${n} source${n > 1 ? "s" : ""}` : ""}.`);
      }
    }
  }

  function onStop() {
    const found = pendingTurn && findTurn(pendingTurn);
    pendingTurn = null;
    if (!found) return [];
    const { turn } = found;
    if (turn.state === "pending" || turn.state === "streaming") {
      turn.state = "stopped";
      if (!turn.html) turn.html = "";
      save();
      const box = $(`#turn-${CSS.escape(turn.id)} .cqa-a-wrap`);
      if (box) fillAnswer(box, turn);
      announce("Stopped.");
    }
    return [];
  }

  // --- sources, copy, votes ------------------------------------------------------------
  function showSource(button) {
    const answer = button.closest(".cqa-answer");
    const card = answer && answer.querySelector(`.cqa-source[data-citation="${CSS.escape(button.dataset.cite)}"]`);
    if (!card) return;
    document.querySelectorAll(".cqa-source.cqa-focus").forEach((c) => c.classList.remove("cqa-focus"));
    card.open = true;
    card.classList.add("cqa-focus");
    card.scrollIntoView({ block: "nearest", behavior: "instant" });
    const mark = card.querySelector("mark");
    if (mark) mark.scrollIntoView({ block: "nearest", behavior: "instant" });
    card.querySelector("summary").focus({ preventScroll: true });
  }

  async function copyAnswer(button) {
    const node = button.closest(".cqa-turn");
    const found = node && findTurn(node.dataset.turn);
    const text = found ? found.turn.copy || found.turn.text : "";
    if (!text) return;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch (e) {
      // Not a secure context (plain http on another host): the older way.
      const area = el("textarea", { class: "cqa-sr", "aria-hidden": "true" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      ok = document.execCommand("copy");
      area.remove();
    }
    button.textContent = ok ? "Copied" : "Copy failed";
    announce(ok ? "Answer and sources copied." : "Copying failed: select the text instead.");
    window.setTimeout(() => (button.textContent = "Copy answer and sources"), 2000);
  }

  let chatTrigger = null;

  function vote(button) {
    const node = button.closest(".cqa-turn");
    const found = node && findTurn(node.dataset.turn);
    if (!found) return;
    const { turn } = found;
    turn.vote = turn.vote === button.dataset.vote ? null : button.dataset.vote;
    save();
    node.querySelectorAll(".cqa-vote").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.vote === turn.vote)));
    announce(turn.vote ? "Thanks: your vote is recorded." : "Vote withdrawn.");
    if (chatTrigger) {
      chatTrigger("submit", {
        feedback: JSON.stringify({
          answer_id: turn.id,
          rating: turn.vote,
          question: turn.question,
          answer: (turn.text || "").slice(0, 20000),
          doc_ids: (turn.doc_ids || []).slice(0, 100),
          mode: turn.mode === "llm" ? "llm" : "extractive",
        }),
      });
    }
  }

  // --- the question box: a counter near the limit, and the draft kept ---------------------
  let lastBand = "ok";

  function updateCounter(text) {
    const counter = $("#cqa-count");
    if (!counter) return;
    const n = text.length;
    const max = config.maxChars;
    const band = n > max ? "over" : n >= 0.8 * max ? "near" : "ok";
    counter.className = "cqa-count cqa-" + band;
    counter.textContent = band === "ok" ? ""
      : band === "near" ? `${n.toLocaleString()} of ${max.toLocaleString()} characters`
      : `${n.toLocaleString()} characters: ${(n - max).toLocaleString()} over the limit of ${max.toLocaleString()}. Shorten the question to send it.`;
    if (band !== lastBand && band !== "ok") announce(counter.textContent);
    lastBand = band;
  }

  let draftTimer = null;

  function onInput(event) {
    if (!event.target.closest("#question")) return;
    const text = event.target.value;
    updateCounter(text);
    window.clearTimeout(draftTimer);
    draftTimer = window.setTimeout(() => {
      if (text) localStorage.setItem(DRAFT, text);
      else localStorage.removeItem(DRAFT);
    }, 300);
  }

  function draft() {
    const text = localStorage.getItem(DRAFT) || "";
    window.setTimeout(() => updateCounter(text), 0);
    return text;
  }

  function sendExample(question) {
    const box = questionBox();
    const send = $("#send");
    if (!box || !send) return;
    box.value = question;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    window.setTimeout(() => send.click(), 0);
  }

  // --- the Documents tab ---------------------------------------------------------------
  let docsTrigger = null;

  function openDocument(docId) {
    if (docsTrigger) {
      window.cqa.focusReader = true;
      docsTrigger("submit", { open: docId });
    }
  }

  // --- one listener for every click --------------------------------------------------------
  function onClick(event) {
    const target = event.target.closest(
      ".cqa-cite, .cqa-copy, .cqa-vote, .cqa-example, .cqa-new, .cqa-conv, .cqa-rename, " +
      ".cqa-export, .cqa-delete-conv, #cqa-delete-yes, #cqa-delete-no, #cqa-rename-cancel, " +
      ".cqa-doc-open, .cqa-doc-delete, .cqa-doc-row"
    );
    if (!target) return;
    const has = (name) => target.classList.contains(name);
    if (has("cqa-cite")) showSource(target);
    else if (has("cqa-copy")) copyAnswer(target);
    else if (has("cqa-vote")) vote(target);
    else if (has("cqa-example")) sendExample(target.dataset.question);
    else if (has("cqa-new")) {
      newChat();
      closeSidebarOnPhone();
    } else if (has("cqa-conv")) {
      openConversation(target.dataset.conv);
      closeSidebarOnPhone();
    }
    else if (has("cqa-rename")) startRename();
    else if (has("cqa-export")) exportCurrent();
    else if (has("cqa-delete-conv")) askDelete();
    else if (target.id === "cqa-delete-yes") deleteCurrent();
    else if (target.id === "cqa-delete-no" || target.id === "cqa-rename-cancel") {
      closeForms();
      const back = $(".cqa-rename");
      if (back) back.focus();
    } else if (has("cqa-doc-delete")) {
      if (docsTrigger) docsTrigger("submit", { delete: target.dataset.doc });
    } else if (has("cqa-doc-open") || has("cqa-doc-row")) openDocument(target.dataset.doc);
  }

  // --- wiring: called by the components' js_on_load (ui/app.py) ---------------------------
  function mountChat(element, trigger) {
    chatTrigger = trigger;
    renderTranscript();
  }

  // Gradio's sidebar starts closed (on a phone it covers the page); a wide window opens it.
  function sidebarToggle() {
    return $("#cqa-sidebar .toggle-button");
  }

  function sidebarOpen() {
    const bar = $("#cqa-sidebar");
    return !!(bar && bar.classList.contains("open"));
  }

  function narrow() {
    return !window.matchMedia("(min-width: 1024px)").matches;
  }

  function labelToggle() {
    const toggle = sidebarToggle();
    if (!toggle) return;
    toggle.setAttribute("aria-label", "Conversations");
    toggle.setAttribute("aria-expanded", String(sidebarOpen()));
  }

  function closeSidebarOnPhone() {
    if (narrow() && sidebarOpen() && sidebarToggle()) sidebarToggle().click();
  }

  function mountConversations(element) {
    renderConversations();
    window.setTimeout(() => {
      const toggle = sidebarToggle();
      if (!toggle) return;
      if (!narrow() && !sidebarOpen()) toggle.click();
      toggle.addEventListener("click", () => window.setTimeout(labelToggle, 50));
      window.setTimeout(labelToggle, 50);
    }, 0);
    const form = $("#cqa-rename-form", element);
    if (form) form.addEventListener("submit", finishRename);
  }

  function mountDocuments(element, trigger) {
    docsTrigger = trigger;
  }

  function readerShown(element) {
    if (!window.cqa.focusReader) return;
    window.cqa.focusReader = false;
    const heading = $("h2", element);
    if (heading) {
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }
  }

  // Gradio's drop zone is named "Click to upload or drop files" while it reads "Drop File
  // Here - or - Click to Upload": a name that differs from the visible words fails WCAG
  // 2.5.3. Named by its own words (and what it takes) instead, whenever Gradio draws it.
  function nameDropZones() {
    document.querySelectorAll("#upload .upload-container[aria-label]").forEach((zone) => {
      zone.removeAttribute("aria-label");
      zone.setAttribute("aria-describedby", "cqa-upload-hint");
    });
  }

  new MutationObserver(() => nameDropZones()).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });

  document.addEventListener("click", onClick);
  document.addEventListener("input", onInput);
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) {
      state = load();
      renderAll();
    }
  });

  window.cqa = {
    beforeSend, onTurn, onStop, draft, mountChat, mountConversations, mountDocuments,
    readerShown, focusReader: false,
  };
})();
