// The floor of a Node chat server for the benchmark: a plain `ws` WebSocket server (the same ws version that
// socket.io's engine.io uses in ../socketio) speaking the Java server's JSON protocol v1 (docs/protocol.md),
// with no socket.io layers and no extra work. What the generator's `chat` adapter needs, in the Java server's
// order: join -> Welcome! to the joiner, "<name> has joined!" (with id) to the others, roomData to the room,
// ack; sendMessage -> the message (id, username, text, createdAt) to the whole room, sender included, then the
// ack. Like the socket.io reference it has no profanity check and no rate limit, and sends roomData to the
// whole room on every join (no coalescing). Each frame sent to a room is encoded once, as a Buffer.
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.env.PORT || 3000);
const TEXT = { binary: false };
const rooms = new Map(); // room -> { members: Map(lower-cased name -> socket), nextId }

// Benchmark probe: heap after a full GC (node --expose-gc) and RSS, as the socket.io reference answers it.
const server = http.createServer((req, res) => {
  if (req.url === '/debug/memory') {
    if (global.gc) {
      global.gc();
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(process.memoryUsage()));
    return;
  }
  res.statusCode = 404;
  res.end();
});

const frame = (object) => Buffer.from(JSON.stringify(object));
const sendTo = (socket, object) => socket.send(frame(object), TEXT);
const notice = (text) => ({ type: 'message', username: 'Admin', text, createdAt: Date.now(), system: true });

function toRoom(room, object, except) {
  const bytes = frame(object);
  for (const member of room.members.values()) {
    if (member !== except) {
      member.send(bytes, TEXT);
    }
  }
}

function sendRoomData(name, room) {
  const users = Array.from(room.members.values(), (member) => ({ username: member.chat.username }));
  toRoom(room, { type: 'roomData', room: name, users });
}

function ack(socket, ref, error) {
  sendTo(socket, error ? { type: 'ack', ref, error } : { type: 'ack', ref });
}

function leave(socket) {
  const user = socket.chat;
  if (!user) {
    return;
  }
  socket.chat = undefined;
  const room = rooms.get(user.room);
  room.members.delete(user.key);
  if (room.members.size === 0) {
    rooms.delete(user.room); // a room that empties is forgotten, its ids start afresh
    return;
  }
  toRoom(room, { type: 'message', id: room.nextId++, ...notice(`${user.username} has left!`) });
  sendRoomData(user.room, room);
}

function join(socket, request) {
  const username = typeof request.username === 'string' ? request.username.trim() : '';
  const name = typeof request.room === 'string' ? request.room.trim().toLowerCase() : '';
  if (!username || !name) {
    return ack(socket, request.ref, 'Username and room are required!');
  }
  const key = username.toLowerCase();
  const existing = rooms.get(name);
  if (existing && existing.members.has(key) && existing.members.get(key) !== socket) {
    return ack(socket, request.ref, 'Username is in use!');
  }
  leave(socket); // a second join moves the user
  const room = rooms.get(name) || { members: new Map(), nextId: 1 };
  rooms.set(name, room);
  room.members.set(key, socket);
  socket.chat = { username, key, room: name };
  sendTo(socket, notice('Welcome!'));
  if (room.members.size > 1) {
    toRoom(room, { type: 'message', id: room.nextId++, ...notice(`${username} has joined!`) }, socket);
  }
  sendRoomData(name, room);
  return ack(socket, request.ref);
}

function sendMessage(socket, request) {
  const user = socket.chat;
  if (!user) {
    return ack(socket, request.ref, 'Join a room first');
  }
  const text = typeof request.text === 'string' ? request.text.trim() : '';
  if (!text) {
    return ack(socket, request.ref, 'Message must not be empty');
  }
  const room = rooms.get(user.room);
  toRoom(room, { type: 'message', id: room.nextId++, username: user.username, text, createdAt: Date.now() });
  return ack(socket, request.ref);
}

function handle(socket, data) {
  let request;
  try {
    request = JSON.parse(data);
  } catch (e) {
    return sendTo(socket, { type: 'error', error: 'Malformed JSON' });
  }
  if (!request || !Number.isSafeInteger(request.ref)) {
    return sendTo(socket, { type: 'error', error: 'A request needs an integer ref' });
  }
  if (request.type === 'join') {
    return join(socket, request);
  }
  if (request.type === 'sendMessage') {
    return sendMessage(socket, request);
  }
  return ack(socket, request.ref, `Unknown type ${request.type}`);
}

const wss = new WebSocketServer({ server, clientTracking: false, perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      sendTo(socket, { type: 'error', error: 'Binary frames are not supported' });
    } else {
      handle(socket, data);
    }
  });
  socket.on('close', () => leave(socket));
  socket.on('error', () => socket.terminate());
});

server.listen(port, '127.0.0.1', () => {
  console.log(`ws reference is up on port ${port}!`);
});
