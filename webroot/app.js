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
    scrim: $('scrim'), send: $('send'), roomJoin: $('room-join'), joinBtn: $('join-btn'),
    privateBadge: $('private-badge')
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
    shutdown: false,   // the server said it is going down: the lost connection is no surprise
    opened: false,     // the bridge has opened since the user joined: a close is a lost connection
    run: null,         // the last line of joins or leaves, while it is the log's last line: {kind, names, div}
    unread: 0,         // lines that arrived while the page was hidden (the tab's title)
    unreadPrivate: 0,  // private messages not answered yet (the header's badge)
    lostAt: null       // when the connection was lost, while reconnecting
  };

  // --- the connection

  function connect() {
    state.farewell = null;
    state.shutdown = false;
    state.opened = false;
    usable(false);
    const eb = new EventBus('/eventbus', { vertxbus_reconnect_delay_max: 4000 });
    eb.enableReconnect(true);
    eb.onopen = () => {
      state.opened = true;
      join(eb);
    };
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
    usable(false);
    if (state.farewell) {
      eb.enableReconnect(false);
      setStatus('off', 'disconnected');
      system(farewell(state.farewell));
      clearUsers();
      state.rooms = [];
      setRoom(null);
      view.joinBtn.textContent = 'Join again';
      view.joinForm.hidden = false;
      view.name.value = state.wanted;
      state.eb = null;
      return;
    }
    if (!state.lostAt) {
      state.lostAt = new Date();
      system(!state.opened
        ? 'Cannot reach the chat server. Trying again…'
        : state.shutdown
        ? 'The server shut down (a restart, or maintenance). This page rejoins by itself when it is back…'
        : 'Lost the connection to the server (it stopped, restarted, or the network failed). Reconnecting…');
      clearUsers();
    }
    setStatus('wait', 'reconnecting…');
  }

  /** What ended the session, in plain words: the event's type and fields, not its text. */
  function farewell(ev) {
    switch (ev.type) {
      case 'bye':
        return 'You left the chat. Join again whenever you like.';
      case 'kicked':
        return 'You were signed out: ' + (ev.seconds ? 'nothing sent for ' + ev.seconds + ' seconds' : 'idle for too long') +
          '. Join again when you are back.';
      case 'kicked-flood':
        return 'You were signed out for sending too many lines too fast. Join again in a while.';
      case 'error':
        if (ev.code === 'server-full') {
          return 'The server is full right now. Try joining again in a while.';
        }
        if (ev.code === 'too-many-from-address') {
          return 'Too many people are connected from your address right now. Try joining again in a while.';
        }
        return 'The server could not let you in just now. Try joining again in a while.';
      default:
        return 'The server disconnected you. Join again when you like.';
    }
  }

  /** The chat's controls work only while this page is in the chat. */
  function usable(on) {
    for (const control of [view.input, view.send, view.renameBtn, view.roomInput, view.roomJoin, view.roomsRefresh]) {
      control.disabled = !on;
    }
    view.chat.classList.toggle('offline', !on);
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
      case 'kick': // an operator (on IRC) kicked someone from the room; if it was me, room-entered follows
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
      case 'shutdown':
        state.shutdown = true;
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
    usable(true);
    showTransport(state.eb);
    if (state.lostAt) {
      system('Reconnected after ' + duration(new Date() - state.lostAt) + ' away. The server sees you as a new user' + (state.wanted ? ', so this page asks for your name ' + state.wanted + ' again' : '') +
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
    showTitle();
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

  // --- the log: messages as a chat (time, name, text), everything else as quiet one-liners.
  // User text only ever goes in through textContent: it is never HTML.

  function showEvent(ev) {
    switch (ev.type) {
      case 'chat':
        message('chat' + (ev.self ? ' self' : ''), ev.ts, ev.name, ev.addr, ev.text);
        unseen(false);
        break;
      case 'history': {
        // an earlier chat line of the room: shaped like a live one, dimmed, its time with the date if not today
        const entry = ev.entry || {};
        const div = message('chat history', entry.ts, entry.name, entry.addr, entry.text, true);
        if (entry.ts) {
          div.title = 'earlier: ' + new Date(entry.ts).toLocaleString();
        }
        break;
      }
      case 'private':
        whisper(ev.from, ev.addr, ev.text, false);
        unseen(true);
        break;
      case 'private-echo':
        whisper(ev.to, '', ev.text, true);
        break;
      case 'online':
        if (ev.self) {
          notice('online self', 'you are online', ev.addr);
        } else {
          run('online', ev.name, ev.addr, 'came online');
        }
        break;
      case 'offline':
        run('offline', ev.name, ev.addr, 'went offline');
        break;
      case 'joined':
        run('joined', ev.name, ev.addr, 'joined');
        break;
      case 'left':
        run('left', ev.name, ev.addr, 'left');
        break;
      case 'rename': {
        if (renamedInRun(ev.old, ev.name)) {
          break;
        }
        const div = notice('rename', '', ev.addr);
        div.querySelector('.text').append(nameSpan(ev.old), ' is now ', nameSpan(ev.name));
        break;
      }
      case 'who': {
        const div = notice('who', '', ev.addr);
        div.querySelector('.text').append(nameSpan(ev.name, ev.addr), ' is here');
        break;
      }
      case 'room-entered': {
        const div = show(ev.line, 'room-entered');
        div.dataset.room = ev.room;
        break;
      }
      case 'history-empty':
        show('no earlier messages in ' + (ev.room || state.room), 'history-empty');
        break;
      default:
        // the server's own words in its language: renamed, errors, help, rooms, kicks, bye, shutdown
        show(ev.line, ev.type);
        break;
    }
  }

  /** A new row of the log: a time, a name column, and a body holding the text. */
  function row(kind, when) {
    const div = document.createElement('div');
    div.className = 'line ' + kind;
    const time = document.createElement('time');
    time.className = 'time';
    const date = when ? new Date(when) : new Date();
    time.dateTime = date.toISOString();
    time.textContent = clock(date);
    time.title = date.toLocaleString();
    const from = document.createElement('span');
    from.className = 'from';
    const body = document.createElement('span');
    body.className = 'body';
    const text = document.createElement('span');
    text.className = 'text';
    body.append(text);
    div.append(time, from, body);
    return div;
  }

  /** One of eight colours for a name, the same for it every time (The Lounge's coloured nicks). */
  function hue(name) {
    let hash = 0;
    for (const c of fold(name)) {
      hash = (hash * 31 + c.codePointAt(0)) | 0;
    }
    return 'c' + (Math.abs(hash) % 8);
  }

  function nameSpan(name, addr) {
    const span = document.createElement('span');
    span.className = 'name';
    span.textContent = name;
    if (addr) {
      span.title = addr;
    }
    return span;
  }

  /** A chat message: who said it (its address on hover), when, and what. */
  function message(kind, ts, name, addr, text, earlier) {
    const div = row(kind, ts);
    if (earlier && ts) {
      div.querySelector('.time').textContent = earlierClock(new Date(ts));
    }
    const from = div.querySelector('.from');
    from.textContent = name;
    from.title = addr ? name + ' (' + addr + ')' : name;
    from.classList.add(hue(name));
    div.querySelector('.text').textContent = text;
    return append(div);
  }

  /** A private message, to me (with a reply button) or from me. */
  function whisper(other, addr, text, mine) {
    const div = row(mine ? 'private private-echo self' : 'private', null);
    const from = div.querySelector('.from');
    from.textContent = mine ? 'you' : other;
    from.title = addr ? other + ' (' + addr + ')' : (mine ? 'you' : other);
    const body = div.querySelector('.body');
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = mine ? 'private to ' + other : 'private';
    body.prepend(tag);
    div.querySelector('.text').textContent = text;
    div.dataset.with = other;
    if (!mine) {
      const reply = document.createElement('button');
      reply.type = 'button';
      reply.className = 'reply';
      reply.textContent = 'Reply';
      reply.title = 'answer ' + other + ' privately';
      reply.addEventListener('click', () => replyTo(other));
      body.append(reply);
    }
    return append(div);
  }

  function replyTo(name) {
    view.input.value = 'to ' + name + ' ';
    view.input.focus();
    clearPrivateBadge();
  }

  /** A quiet one-liner (joins, leaves, renames), in the name and text columns together. */
  function notice(kind, text, addr) {
    const div = row('notice ' + kind, null);
    div.querySelector('.text').textContent = text;
    if (addr) {
      div.title = addr;
    }
    return append(div);
  }

  /** Joins and leaves in a row are one line: "ann came online", "ann and bob left", "4 users joined". */
  function run(kind, name, addr, verb) {
    const last = state.run;
    if (last && last.kind === kind && last.div === view.log.lastElementChild) {
      last.names.push(name);
    } else {
      state.run = { kind, names: [name], div: notice(kind, '', ''), verb, addr };
    }
    state.run.addr = addr;
    showRun();
  }

  /**
   * A newcomer who picks a name at once (every client renames right after joining) is one line,
   * "bob came online", rather than "127.0.0.1:4711 came online" and "... is now bob".
   */
  function renamedInRun(old, name) {
    const last = state.run;
    if (!last || (last.kind !== 'online' && last.kind !== 'joined') || last.div !== view.log.lastElementChild
        || fold(last.names[last.names.length - 1]) !== fold(old)) {
      return false;
    }
    last.names[last.names.length - 1] = name;
    showRun();
    return true;
  }

  function showRun() {
    const { names, verb, addr } = state.run;
    const text = state.run.div.querySelector('.text');
    if (names.length > 3) {
      text.textContent = names.length + ' users ' + verb;
      state.run.div.title = names.join(', ');
    } else {
      const spans = names.map((n) => nameSpan(n));
      const parts = [];
      spans.forEach((span, i) => {
        if (i > 0) {
          parts.push(i === spans.length - 1 ? ' and ' : ', ');
        }
        parts.push(span);
      });
      text.replaceChildren(...parts, ' ' + verb);
      if (names.length === 1 && addr) {
        text.firstChild.title = addr;
      }
      state.run.div.title = names.length === 1 ? addr || '' : names.join(', ');
    }
  }

  /** A line of the page's or the server's own words, across the whole width. */
  function show(text, kind) {
    const div = row(kind, null);
    div.querySelector('.text').textContent = text;
    return append(div);
  }

  function append(div) {
    const atBottom = view.log.scrollTop + view.log.clientHeight >= view.log.scrollHeight - 4;
    view.log.append(div);
    if (atBottom) {
      view.log.scrollTop = view.log.scrollHeight;
    }
    return div;
  }

  function system(text) {
    show(text, 'system');
  }

  // --- unread: a line that arrives while the page is hidden counts on the tab's title; a private
  // message also on the header's badge until it is answered or the badge is clicked

  function unseen(isPrivate) {
    if (isPrivate) {
      state.unreadPrivate++;
      view.privateBadge.textContent = '✉ ' + state.unreadPrivate;
      view.privateBadge.setAttribute('aria-label', state.unreadPrivate + ' private message' + (state.unreadPrivate > 1 ? 's' : '') + ' not answered');
      view.privateBadge.hidden = false;
    }
    if (document.hidden) {
      state.unread++;
      showTitle();
    }
  }

  function clearPrivateBadge() {
    state.unreadPrivate = 0;
    view.privateBadge.hidden = true;
  }

  function showTitle() {
    const base = state.room ? state.room + ' · vchat' : 'vchat';
    document.title = state.unread > 0 ? '(' + state.unread + ') ' + base : base;
  }

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      state.unread = 0;
      showTitle();
    }
  });

  view.privateBadge.addEventListener('click', () => {
    const last = [...view.log.querySelectorAll('.line.private:not(.private-echo)')].pop();
    if (last) {
      last.scrollIntoView({ block: 'nearest' });
      replyTo(last.dataset.with);
    }
    clearPrivateBadge();
  });

  function setStatus(kind, text) {
    view.status.className = 'status ' + kind;
    view.status.textContent = text;
    view.status.title = '';
  }

  /** The SockJS transport in use (websocket, xhr-streaming, ...), on the status's tooltip. */
  function showTransport(eb) {
    const transport = eb && eb.sockJSConn && eb.sockJSConn.transport;
    view.status.title = transport ? 'connected over ' + transport : '';
    view.status.dataset.transport = transport || '';
  }

  function showMe() {
    view.me.textContent = state.me || '';
  }

  /** "3 s", "2 min": how long the page was away. */
  function duration(millis) {
    const seconds = Math.max(1, Math.round(millis / 1000));
    return seconds < 120 ? seconds + ' s' : Math.round(seconds / 60) + ' min';
  }

  /** A live line's time: hours and minutes. */
  function clock(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  /** A history line's time: hours and minutes today, with the date before today. */
  function earlierClock(date) {
    return date.toDateString() === new Date().toDateString()
      ? clock(date)
      : date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + clock(date);
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
  // a phone's input is too narrow for the long hint
  const narrow = window.matchMedia('(max-width: 720px)');
  const fullHint = view.input.placeholder;
  const showHint = () => {
    view.input.placeholder = narrow.matches ? 'message · help for commands' : fullHint;
  };
  narrow.addEventListener('change', showHint);
  showHint();

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
      if (/^to\s/i.test(line)) {
        clearPrivateBadge();
      }
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
