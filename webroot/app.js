// vchat in the browser: a thin view over the server's chat. The server parses every line
// (commands, names, rules); this page only sends what the user types and shows what comes back.
// Bridge addresses and message shapes: docs/WEB.md.
'use strict';

(function () {
  const JOIN = 'chat.join';
  const IN = 'chat.in';

  const $ = (id) => document.getElementById(id);
  const view = {
    joinForm: $('join-form'), name: $('name'), chat: $('chat'), log: $('log'),
    online: $('online'), count: $('count'), sendForm: $('send-form'), input: $('input'),
    renameBtn: $('rename-btn'), status: $('status'), me: $('me'), server: $('server')
  };

  const state = {
    eb: null,
    wanted: '',        // the name the user asked for; asked again after a reconnect
    me: null,          // my current name, as the server last told me
    users: new Map(),  // case-folded name -> {name, addr}
    seeding: false,    // the who answers that seed the list are not shown in the log
    farewell: null,    // a kick or bye from the server: do not reconnect after it
    lostAt: null       // when the connection was lost, while reconnecting
  };

  // --- the connection

  function connect() {
    state.farewell = null;
    const eb = new EventBus('/eventbus', { vertxbus_reconnect_delay_max: 4000 });
    eb.enableReconnect(true);
    eb.onopen = () => join(eb);
    eb.onclose = () => closed(eb);
    eb.onerror = (err) => console.warn('bridge error', err);
    state.eb = eb;
    setStatus('wait', 'connecting…');
  }

  function join(eb) {
    setStatus('wait', 'joining…');
    eb.send(JOIN, {}, (err, reply) => {
      if (err) {
        system('The server refused to let this page join: ' + (err.message || err.failureType));
        return;
      }
      clearUsers();
      eb.registerHandler(reply.body.address, (error, message) => {
        if (!error) {
          onEvent(message.body);
        }
      });
    });
  }

  function closed(eb) {
    if (eb !== state.eb) {
      return;
    }
    if (state.farewell) {
      eb.enableReconnect(false);
      setStatus('off', 'disconnected');
      system(state.farewell.type === 'error'
        ? 'The server turned this page away (' + state.farewell.line + '). Join again in a while.'
        : 'The server disconnected you (' + state.farewell.line + '). Join again when you are back.');
      clearUsers();
      view.joinForm.hidden = false;
      view.name.value = state.wanted;
      state.eb = null;
      return;
    }
    if (!state.lostAt) {
      state.lostAt = new Date();
      system('Lost the connection to the server at ' + time(state.lostAt) +
        ' (it stopped, restarted, or the network failed). Reconnecting…');
      clearUsers();
    }
    setStatus('wait', 'reconnecting…');
  }

  function send(line) {
    const eb = state.eb;
    if (!eb || eb.state !== EventBus.OPEN) {
      system('Not connected: "' + line + '" was not sent.');
      return false;
    }
    eb.send(IN, { text: line });
    return true;
  }

  // --- what the server tells me

  function onEvent(ev) {
    if (ev.type !== 'who') {
      state.seeding = false;
    }
    if (!(ev.type === 'who' && state.seeding)) {
      show(ev.line, ev.type);
    }
    switch (ev.type) {
      case 'online':
        addUser(ev.name, ev.addr);
        if (ev.self) {
          joined(ev);
        }
        break;
      case 'offline':
        removeUser(ev.name);
        break;
      case 'rename':
        removeUser(ev.old);
        addUser(ev.name, ev.addr);
        break;
      case 'who':
        addUser(ev.name, ev.addr);
        break;
      case 'renamed': {
        const mine = state.users.get(fold(state.me));
        removeUser(state.me);
        state.me = ev.name;
        state.wanted = ev.name;
        addUser(ev.name, mine ? mine.addr : '');
        saveName(ev.name);
        showMe();
        break;
      }
      case 'kicked':
      case 'kicked-flood':
      case 'bye':
        state.farewell = ev;
        break;
      case 'error':
        // the server is full, this address has too many users, or the join failed: it hangs
        // up; retrying at once would only be refused again
        if (ev.code === 'server-full' || ev.code === 'too-many-from-address' || ev.code === 'join-failed') {
          state.farewell = ev;
        }
        break;
      default:
        break;
    }
  }

  function joined(ev) {
    state.me = ev.name;
    showMe();
    setStatus('on', 'online');
    if (state.lostAt) {
      system('Reconnected: the connection was lost at ' + time(state.lostAt) + ' and is back at ' + time(new Date()) +
        '. The server ' + 'sees you as a new user' + (state.wanted ? ', so this page asks for your name ' + state.wanted + ' again.' : '.'));
      state.lostAt = null;
    }
    state.seeding = true;
    send('who');
    if (state.wanted && state.wanted !== state.me) {
      send('rename ' + state.wanted);
    }
    view.input.focus();
  }

  // --- the online list

  function fold(name) {
    return (name || '').toLowerCase();
  }

  function addUser(name, addr) {
    state.users.set(fold(name), { name, addr });
    renderUsers();
  }

  function removeUser(name) {
    state.users.delete(fold(name));
    renderUsers();
  }

  function clearUsers() {
    state.users.clear();
    renderUsers();
  }

  function renderUsers() {
    const users = [...state.users.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    view.online.replaceChildren(...users.map((user) => {
      const li = document.createElement('li');
      li.dataset.name = user.name;
      if (fold(user.name) === fold(state.me)) {
        li.className = 'self';
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = user.name;
      button.title = user.addr ? 'whisper to ' + user.name + ' (' + user.addr + ')' : 'whisper to ' + user.name;
      button.addEventListener('click', () => {
        view.input.value = 'to ' + user.name + ' ';
        view.input.focus();
      });
      li.append(button);
      return li;
    }));
    view.count.textContent = String(users.length);
  }

  // --- the log

  function show(text, kind) {
    const atBottom = view.log.scrollTop + view.log.clientHeight >= view.log.scrollHeight - 4;
    const div = document.createElement('div');
    div.className = 'line ' + kind;
    div.textContent = text;
    view.log.append(div);
    if (atBottom) {
      view.log.scrollTop = view.log.scrollHeight;
    }
  }

  function system(text) {
    show(text, 'system');
  }

  function setStatus(kind, text) {
    view.status.className = 'status ' + kind;
    view.status.textContent = text;
  }

  function showMe() {
    view.me.textContent = state.me || '';
  }

  function time(date) {
    return date.toLocaleTimeString();
  }

  function saveName(name) {
    try {
      localStorage.setItem('vchat.name', name);
    } catch (e) {
      // private mode: no memory of the name, that is all
    }
  }

  function savedName() {
    try {
      return localStorage.getItem('vchat.name') || '';
    } catch (e) {
      return '';
    }
  }

  // --- the forms

  view.name.value = savedName();

  view.joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    state.wanted = view.name.value.trim();
    view.joinForm.hidden = true;
    view.chat.hidden = false;
    connect();
  });

  view.sendForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const line = view.input.value;
    if (line.trim() === '') {
      return;
    }
    if (send(line)) {
      view.input.value = '';
    }
  });

  view.renameBtn.addEventListener('click', () => {
    view.input.value = 'rename ';
    view.input.focus();
  });

  // --- the status strip: this node's own figures from GET /status, every 5 s (docs/OPERATIONS.md)

  function pollStatus() {
    fetch('/status', { cache: 'no-store' })
      .then((response) => response.ok ? response.json() : Promise.reject(response.status))
      .then((s) => { view.server.textContent = s.usersOnline + ' online · node ' + String(s.node).slice(0, 8); })
      .catch(() => { view.server.textContent = 'server status unavailable'; })
      .finally(() => setTimeout(pollStatus, 5000));
  }

  pollStatus();
})();
