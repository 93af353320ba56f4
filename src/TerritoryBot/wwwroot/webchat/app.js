// TerritoryBot web chat: pick who you are, ask, see the answer's Adaptive Card, press its buttons.
// Cards are rendered by the official adaptivecards renderer when the build installed it (window.AdaptiveCards);
// otherwise by plainCard() below, which shows text, facts, rows and working buttons.
"use strict";

(function () {
  const identitySelect = document.getElementById("identity");
  const transcript = document.getElementById("transcript");
  const composer = document.getElementById("composer");
  const message = document.getElementById("message");
  const storageKey = "territorybot.webchat.identity";
  const AC = window.AdaptiveCards;
  let identities = [];

  if (!AC) {
    document.getElementById("renderer-note").hidden = false;
  } else {
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = markdown(text);
      result.didProcess = true;
    };
  }

  // ---- talking to the server -------------------------------------------------------------------------------

  async function post(body) {
    const response = await fetch("/api/webchat/turns", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      let reason = response.status + " " + response.statusText;
      try {
        const problem = await response.json();
        if (problem && problem.detail) reason = problem.detail;
      } catch (_) { /* not JSON */ }
      throw new Error(reason);
    }
    return response.json();
  }

  function currentUser() {
    return identitySelect.value;
  }

  async function loadIdentities() {
    const response = await fetch("/api/webchat/identities");
    identities = response.ok ? await response.json() : [];
    identitySelect.textContent = "";
    const roles = [["rep", "Reps"], ["manager", "Managers"], ["ops", "Sales ops"]];
    for (const [role, label] of roles) {
      const people = identities.filter((p) => p.role === role);
      if (people.length === 0) continue;
      const group = document.createElement("optgroup");
      group.label = label;
      for (const p of people) {
        const option = document.createElement("option");
        option.value = p.id;
        option.textContent = p.name + " (" + p.id + ")";
        group.appendChild(option);
      }
      identitySelect.appendChild(group);
    }
    if (identities.length === 0) {
      const option = document.createElement("option");
      option.value = "";
      option.textContent = "nobody is loaded";
      identitySelect.appendChild(option);
      return;
    }
    const remembered = localStorage.getItem(storageKey);
    identitySelect.value = identities.some((p) => p.id === remembered) ? remembered : identities[0].id;
    note("Speaking as " + describe(currentUser()) + ". Try “help”.");
  }

  function describe(id) {
    const p = identities.find((x) => x.id === id);
    return p ? p.name + " (" + p.id + ", " + p.role + ")" : id;
  }

  identitySelect.addEventListener("change", () => {
    localStorage.setItem(storageKey, currentUser());
    note("Now speaking as " + describe(currentUser()) + ".");
  });

  composer.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = message.value.trim();
    if (!text || !currentUser()) return;
    message.value = "";
    bubble("user", text);
    const pending = bubble("bot pending", "…");
    try {
      const reply = await post({ userId: currentUser(), text: text });
      pending.remove();
      showReply(reply);
    } catch (e) {
      pending.remove();
      bubble("bot error", "Could not send that: " + e.message);
    }
    message.focus();
  });

  // ---- transcript --------------------------------------------------------------------------------------------

  function bubble(kind, text) {
    const div = document.createElement("div");
    div.className = "message " + kind;
    div.textContent = text;
    transcript.appendChild(div);
    div.scrollIntoView({ block: "end" });
    return div;
  }

  function note(text) {
    bubble("note", text);
  }

  function showReply(reply) {
    const div = document.createElement("div");
    div.className = "message bot";
    div.dataset.intent = reply.intent;
    transcript.appendChild(div);
    fill(div, reply);
    div.scrollIntoView({ block: "end" });
  }

  // Puts a reply into a message: its card when it has one, else its text.
  function fill(container, reply) {
    container.textContent = "";
    container.dataset.intent = reply.intent;
    if (reply.card) {
      const host = document.createElement("div");
      host.className = "card";
      container.appendChild(host);
      renderCard(host, reply.card);
    } else {
      const p = document.createElement("div");
      p.className = "text";
      p.textContent = reply.text;
      container.appendChild(p);
    }
  }

  // A button press (Universal Actions): the answer's card replaces the card the button was on. A text-only
  // answer (a refusal, a question back) leaves the card and is shown below it.
  async function press(container, verb, data) {
    if (!verb) {
      bubble("bot error", "That button has no verb, so there is nothing to send.");
      return;
    }
    container.classList.add("busy");
    try {
      const reply = await post({ userId: currentUser(), action: { verb: verb, data: data || {} } });
      if (reply.card) {
        fill(container, reply);
      } else {
        showReply(reply);
      }
    } catch (e) {
      bubble("bot error", "Could not send that: " + e.message);
    } finally {
      container.classList.remove("busy");
    }
  }

  function splitSubmitData(data) {
    // Action.Submit fallbacks carry the verb inside their data ({"verb": ..., ...}).
    const copy = Object.assign({}, data || {});
    const verb = typeof copy.verb === "string" ? copy.verb : null;
    delete copy.verb;
    return { verb: verb, data: copy };
  }

  // ---- the official renderer ---------------------------------------------------------------------------------

  function renderCard(host, json) {
    if (!AC) {
      host.appendChild(plainCard(json, host));
      return;
    }
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => {
      const type = action.getJsonTypeName();
      const owner = host.closest(".message");
      if (type === "Action.Execute") {
        press(owner, action.verb, action.data);
      } else if (type === "Action.Submit") {
        const split = splitSubmitData(action.data);
        press(owner, split.verb, split.data);
      } else if (type === "Action.OpenUrl" && /^https?:/i.test(action.url || "")) {
        window.open(action.url, "_blank", "noopener");
      }
    };
    try {
      card.parse(json);
      const element = card.render();
      if (!element) throw new Error("the renderer returned nothing");
      host.appendChild(element);
    } catch (e) {
      host.appendChild(plainCard(json, host));
    }
  }

  const hostConfig = AC ? new AC.HostConfig({
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 14 },
    separator: { lineThickness: 1, lineColor: "#E4E7EB" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: {
        backgroundColor: "#FFFFFF",
        foregroundColors: {
          default: { default: "#1F2933", subtle: "#616E7C" },
          dark: { default: "#1F2933", subtle: "#52606D" },
          light: { default: "#FFFFFF", subtle: "#E4E7EB" },
          accent: { default: "#2563EB", subtle: "#3B82F6" },
          good: { default: "#15803D", subtle: "#16A34A" },
          warning: { default: "#B45309", subtle: "#D97706" },
          attention: { default: "#B91C1C", subtle: "#DC2626" },
        },
      },
      emphasis: {
        backgroundColor: "#F5F7FA",
        foregroundColors: {
          default: { default: "#1F2933", subtle: "#616E7C" },
          accent: { default: "#2563EB", subtle: "#3B82F6" },
          good: { default: "#15803D", subtle: "#16A34A" },
          warning: { default: "#B45309", subtle: "#D97706" },
          attention: { default: "#B91C1C", subtle: "#DC2626" },
        },
      },
    },
    actions: {
      maxActions: 6,
      spacing: "default",
      buttonSpacing: 8,
      showCard: { actionMode: "inline", inlineTopMargin: 12 },
      actionsOrientation: "horizontal",
      actionAlignment: "left",
    },
    factSet: {
      title: { weight: "bolder", size: "default", color: "default", wrap: true, maxWidth: 220 },
      value: { size: "default", color: "default", wrap: true },
      spacing: 10,
    },
  }) : null;

  // A safe subset of the TextBlock markdown: everything is HTML-escaped first; then backslash escapes, **bold**,
  // _italic_ / *italic* and line breaks. Links are not made (card text carries data, which is never markup).
  function markdown(text) {
    let html = escapeHtml(String(text));
    html = html.replace(/\\(&amp;|&lt;|&gt;|&quot;|&#39;|[\\`*_{}\[\]()#+\-.!|~])/g,
      (_, ch) => ch.length > 1 ? ch : "&#" + ch.charCodeAt(0) + ";");
    html = html.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>");
    html = html.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1<em>$2</em>");
    html = html.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1<em>$2</em>");
    return html.replace(/\r?\n/g, "<br>");
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  // ---- plain rendering (no renderer installed) ---------------------------------------------------------------

  function plainCard(json, host) {
    const root = document.createElement("div");
    root.className = "plain-card";
    plainElements(root, json.body || []);
    plainActions(root, json.actions || [], host);
    return root;
  }

  function plainElements(parent, elements) {
    for (const element of elements) {
      if (!element || element.isVisible === false) continue;
      const node = plainElement(element);
      if (node) parent.appendChild(node);
    }
  }

  function plainElement(e) {
    switch (e.type) {
      case "TextBlock": {
        const p = document.createElement("div");
        p.className = "tb" + (e.weight === "bolder" ? " bold" : "") + (e.isSubtle ? " subtle" : "") + (e.size ? " size-" + e.size : "");
        p.innerHTML = markdown(e.text || "");
        return p;
      }
      case "FactSet": {
        const table = document.createElement("table");
        table.className = "facts";
        for (const f of e.facts || []) {
          const tr = table.insertRow();
          const th = document.createElement("th");
          th.innerHTML = markdown(f.title || "");
          tr.appendChild(th);
          tr.insertCell().innerHTML = markdown(f.value || "");
        }
        return table;
      }
      case "Container": {
        const div = document.createElement("div");
        plainElements(div, e.items || []);
        return div;
      }
      case "ColumnSet": {
        const row = document.createElement("div");
        row.className = "row";
        for (const c of e.columns || []) {
          const col = document.createElement("div");
          col.className = "col" + (c.width === "stretch" ? " stretch" : "");
          plainElements(col, c.items || []);
          row.appendChild(col);
        }
        return row;
      }
      case "ActionSet": {
        const div = document.createElement("div");
        plainActions(div, e.actions || [], null);
        return div;
      }
      case "Input.Text": {
        const label = document.createElement("label");
        label.className = "input";
        label.textContent = e.label || e.placeholder || e.id;
        const input = document.createElement(e.isMultiline ? "textarea" : "input");
        input.dataset.inputId = e.id;
        if (e.placeholder) input.placeholder = e.placeholder;
        if (e.maxLength) input.maxLength = e.maxLength;
        if (e.isRequired) input.required = true;
        label.appendChild(input);
        return label;
      }
      default:
        // Charts and anything unknown: their fallback, as a host that does not know them would show.
        return e.fallback && typeof e.fallback === "object" ? plainElement(e.fallback) : null;
    }
  }

  function plainActions(parent, actions, host) {
    if (actions.length === 0) return;
    const bar = document.createElement("div");
    bar.className = "actions";
    parent.appendChild(bar);
    for (const a of actions) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ac-pushButton" + (a.style ? " style-" + a.style : "");
      button.textContent = a.title || a.type;
      bar.appendChild(button);
      if (a.type === "Action.ShowCard" && a.card) {
        const inner = document.createElement("div");
        inner.className = "show-card";
        inner.hidden = true;
        plainElements(inner, a.card.body || []);
        plainActions(inner, a.card.actions || [], host);
        parent.appendChild(inner);
        button.addEventListener("click", () => { inner.hidden = !inner.hidden; });
        continue;
      }
      button.addEventListener("click", () => {
        const owner = button.closest(".message");
        const inputs = collectInputs(owner);
        if (inputs === null) return;
        if (a.type === "Action.Execute") {
          press(owner, a.verb, Object.assign({}, a.data || {}, inputs));
        } else if (a.type === "Action.Submit") {
          const split = splitSubmitData(Object.assign({}, a.data || {}, inputs));
          press(owner, split.verb, split.data);
        } else if (a.type === "Action.OpenUrl" && /^https?:/i.test(a.url || "")) {
          window.open(a.url, "_blank", "noopener");
        }
      });
    }
  }

  // Input values of the card, merged into the action data like the renderer does; null when a required one is empty.
  function collectInputs(message) {
    const values = {};
    for (const input of message.querySelectorAll("[data-input-id]")) {
      if (input.closest(".show-card[hidden]")) continue;
      if (input.required && !input.value.trim()) {
        input.focus();
        return null;
      }
      if (input.value) values[input.dataset.inputId] = input.value;
    }
    return values;
  }

  loadIdentities().catch((e) => bubble("bot error", "Could not load the people: " + e.message));
  message.focus();
})();
