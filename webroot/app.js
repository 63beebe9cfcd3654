// vchat in the browser: a thin view over the server's chat. The server parses every line
// (commands, names, rules); this page only sends what the user types and shows what comes back.
// Bridge addresses and message shapes: docs/WEB.md.
'use strict';

(function () {
  const JOIN = 'chat.join';
  const IN = 'chat.in';
  const LOBBY = '#lobby';

  const $ = (id) => document.getElementById(id);
  const view = {
    joinForm: $('join-form'), name: $('name'), chat: $('chat'), log: $('log'),
    online: $('online'), count: $('count'), sendForm: $('send-form'), input: $('input'),
    renameBtn: $('rename-btn'), status: $('status'), me: $('me'), server: $('server'),
    room: $('room'), roomsPane: $('rooms-pane'), rooms: $('rooms'), roomsRefresh: $('rooms-refresh'),
    roomForm: $('room-form'), roomInput: $('room-input'), roomsToggle: $('rooms-toggle'),
    onlinePane: $('online-pane'), onlineToggle: $('online-toggle'), onlineToggleCount: $('online-toggle-count'),
    scrim: $('scrim')
  };

  const state = {
    eb: null,
    wanted: '',        // the name the user asked for; asked again after a reconnect
    me: null,          // my current name, as the server last told me
    users: new Map(),  // case-folded name -> {name, addr}: the users in my room
    hasRooms: false,   // the server speaks rooms (its online event carries "rooms")
    room: null,        // the room I am in, as the server last told me
    wantedRoom: LOBBY, // the room to go back to after a reconnect
    rooms: [],         // the last answer to "rooms": [{room, users}], sorted by the server
    lastType: null,    // the type of the last event: an answer to "rooms" is a run of room-listed
    // Answers to lines the page sent by itself (who, rooms) are not shown in the log: from the
    // send until the first answer the flag is 'asked', then 'answering' until another event.
    quiet: { who: null, 'room-listed': null },
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
      setRoom(null);
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

  /** A line the page sends by itself: its answers (of type `answer`) stay out of the log. */
  function ask(line, answer) {
    if (send(line)) {
      state.quiet[answer] = 'asked';
    }
  }

  // --- what the server tells me

  function onEvent(ev) {
    const runStarts = ev.type !== state.lastType;
    state.lastType = ev.type;
    if (!isQuiet(ev.type)) {
      showEvent(ev);
    }
    switch (ev.type) {
      case 'online':
        if (ev.self) {
          joined(ev);
        } else if (inMyRoom(ev.rooms)) {
          addUser(ev.name, ev.addr);
        }
        break;
      case 'offline':
        removeUser(ev.name);
        break;
      case 'rename':
        if (state.users.has(fold(ev.old)) || inMyRoom(ev.rooms)) {
          removeUser(ev.old);
          addUser(ev.name, ev.addr);
        }
        break;
      case 'who':
        addUser(ev.name, ev.addr);
        break;
      case 'joined':
        if (sameRoom(ev.room, state.room)) {
          addUser(ev.name, ev.addr);
        }
        break;
      case 'left':
        if (sameRoom(ev.room, state.room)) {
          removeUser(ev.name);
        }
        break;
      case 'room-entered':
        entered(ev.room);
        break;
      case 'room-listed':
        listRoom(ev.room, ev.users, runStarts);
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
        // a page's own who or rooms that failed gets no answer: show the next one typed
        if (ev.code === 'who-failed') {
          state.quiet.who = null;
        } else if (ev.code === 'rooms-failed') {
          state.quiet['room-listed'] = null;
        }
        break;
      default:
        break;
    }
  }

  /** Whether this event answers a line the page sent by itself; keeps the flags up to date. */
  function isQuiet(type) {
    let quiet = false;
    for (const answer of Object.keys(state.quiet)) {
      if (answer === type && state.quiet[answer]) {
        state.quiet[answer] = 'answering';
        quiet = true;
      } else if (state.quiet[answer] === 'answering') {
        state.quiet[answer] = null;
      }
    }
    return quiet;
  }

  function joined(ev) {
    state.me = ev.name;
    state.quiet = { who: null, 'room-listed': null };
    state.rooms = [];
    state.hasRooms = Array.isArray(ev.rooms);
    view.roomsPane.hidden = !state.hasRooms;
    view.roomsToggle.hidden = !state.hasRooms;
    addUser(ev.name, ev.addr);
    showMe();
    setStatus('on', 'online');
    if (state.lostAt) {
      system('Reconnected: the connection was lost at ' + time(state.lostAt) + ' and is back at ' + time(new Date()) +
        '. The server ' + 'sees you as a new user' + (state.wanted ? ', so this page asks for your name ' + state.wanted + ' again' : '') +
        (state.hasRooms && !sameRoom(state.wantedRoom, LOBBY) ? ' and goes back to ' + state.wantedRoom + '.' : '.'));
      state.lostAt = null;
    }
    ask('who', 'who');
    if (state.wanted && state.wanted !== state.me) {
      send('rename ' + state.wanted);
    }
    if (state.hasRooms) {
      // every session starts in #lobby, a reconnected one too
      setRoom(ev.rooms[0] || LOBBY);
      if (sameRoom(state.wantedRoom, state.room)) {
        ask('rooms', 'room-listed');
      } else {
        send('join ' + state.wantedRoom);
      }
    }
    view.input.focus();
  }

  // --- rooms

  function fold(name) {
    return (name || '').toLowerCase();
  }

  function sameRoom(a, b) {
    return !!a && !!b && fold(a) === fold(b);
  }

  /** Whether an event's `rooms` names mine; an event without `rooms` is for everyone. */
  function inMyRoom(rooms) {
    return !Array.isArray(rooms) || rooms.some((room) => sameRoom(room, state.room));
  }

  /** I am in `room` now: a new log section, its history, then its live lines; a new online list. */
  function entered(room) {
    setRoom(room);
    state.wantedRoom = room;
    clearUsers();
    addUser(state.me, '');
    ask('who', 'who');
    ask('rooms', 'room-listed');
  }

  function setRoom(room) {
    state.room = room;
    view.room.textContent = room || '';
    document.title = room ? room + ' · vchat' : 'vchat';
    renderRooms();
  }

  function listRoom(room, users, first) {
    // the first line of an answer replaces the last answer
    if (first) {
      state.rooms = [];
    }
    state.rooms = state.rooms.filter((r) => !sameRoom(r.room, room));
    state.rooms.push({ room, users });
    renderRooms();
  }

  function askRooms() {
    ask('rooms', 'room-listed');
  }

  function renderRooms() {
    const rooms = state.rooms.slice();
    if (state.room && !rooms.some((r) => sameRoom(r.room, state.room))) {
      rooms.push({ room: state.room, users: null });
    }
    view.rooms.replaceChildren(...rooms.map((r) => {
      const li = document.createElement('li');
      li.dataset.room = r.room;
      const current = sameRoom(r.room, state.room);
      const button = document.createElement('button');
      button.type = 'button';
      const name = document.createElement('span');
      name.className = 'room-name';
      name.textContent = r.room;
      const count = document.createElement('span');
      count.className = 'room-count';
      // my own room's count is the online list, which is kept up to date; the others are as of the last answer
      const users = current && state.users.size > 0 ? state.users.size : r.users;
      count.textContent = users == null ? '' : String(users);
      button.append(name, count);
      if (current) {
        li.className = 'current';
        button.setAttribute('aria-current', 'true');
        button.title = 'you are in ' + r.room;
      } else {
        button.title = 'go to ' + r.room;
      }
      button.addEventListener('click', () => {
        closeDrawers();
        if (!current) {
          send('join ' + r.room);
        }
      });
      li.append(button);
      return li;
    }));
  }

  // --- the online list: the users in my room

  function addUser(name, addr) {
    if (!name) {
      return;
    }
    const known = state.users.get(fold(name));
    state.users.set(fold(name), { name, addr: addr || (known ? known.addr : '') });
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
        closeDrawers();
        view.input.value = 'to ' + user.name + ' ';
        view.input.focus();
      });
      li.append(button);
      return li;
    }));
    view.count.textContent = String(users.length);
    view.onlineToggleCount.textContent = String(users.length);
    const mine = view.rooms.querySelector('li.current .room-count');
    if (mine && users.length > 0) {
      mine.textContent = String(users.length);
    }
  }

  // --- the log

  function showEvent(ev) {
    switch (ev.type) {
      case 'room-entered': {
        const div = show(ev.line, 'room-entered');
        div.dataset.room = ev.room;
        break;
      }
      case 'history': {
        // an earlier chat line of the room: shaped like a live one, dimmed, with its time
        const entry = ev.entry || {};
        const div = show('[' + entry.addr + ']' + entry.name + ':' + entry.text, 'chat history');
        if (entry.ts) {
          const when = new Date(entry.ts);
          div.dataset.time = earlier(when);
          div.title = 'earlier: ' + when.toLocaleString();
        }
        break;
      }
      case 'history-empty':
        show('no earlier messages in ' + (ev.room || state.room), 'history-empty');
        break;
      default:
        show(ev.line, ev.type);
        break;
    }
  }

  function show(text, kind) {
    const atBottom = view.log.scrollTop + view.log.clientHeight >= view.log.scrollHeight - 4;
    const div = document.createElement('div');
    div.className = 'line ' + kind;
    div.textContent = text;
    view.log.append(div);
    if (atBottom) {
      view.log.scrollTop = view.log.scrollHeight;
    }
    return div;
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

  /** A history line's time: hours and minutes today, with the date before today. */
  function earlier(date) {
    const hm = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return date.toDateString() === new Date().toDateString()
      ? hm
      : date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + hm;
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

  // --- the drawers (on a narrow screen the room list and the online list slide in over the log)

  function openDrawer(pane, toggle) {
    const open = pane.classList.contains('open');
    closeDrawers();
    if (!open) {
      pane.classList.add('open');
      toggle.setAttribute('aria-expanded', 'true');
      view.scrim.hidden = false;
      if (pane === view.roomsPane && state.hasRooms) {
        askRooms();
      }
    }
  }

  function closeDrawers() {
    for (const [pane, toggle] of [[view.roomsPane, view.roomsToggle], [view.onlinePane, view.onlineToggle]]) {
      pane.classList.remove('open');
      toggle.setAttribute('aria-expanded', 'false');
    }
    view.scrim.hidden = true;
  }

  view.roomsToggle.addEventListener('click', () => openDrawer(view.roomsPane, view.roomsToggle));
  view.onlineToggle.addEventListener('click', () => openDrawer(view.onlinePane, view.onlineToggle));
  view.scrim.addEventListener('click', closeDrawers);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeDrawers();
    }
  });

  // --- the forms

  view.name.value = savedName();

  view.joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    state.wanted = view.name.value.trim();
    state.wantedRoom = LOBBY;
    view.joinForm.hidden = true;
    view.chat.hidden = false;
    view.onlineToggle.hidden = false;
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

  view.roomsRefresh.addEventListener('click', askRooms);

  view.roomForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = view.roomInput.value.trim();
    if (name === '') {
      return;
    }
    // the server checks the name; the page only adds the # a user may leave out
    if (send('join ' + (name.startsWith('#') ? name : '#' + name))) {
      view.roomInput.value = '';
      closeDrawers();
    }
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
