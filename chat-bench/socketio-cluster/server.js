// The socket.io reference chat (../socketio/server.js: the course's events and semantics) as one node of a
// cluster, the way socket.io's own documentation builds one: rooms shared with the other nodes through one Redis
// by @socket.io/redis-adapter (every broadcast is published to Redis and re-emitted by each other node to its
// own members). A user list no longer fits in one process's Maps, so it is what a socket.io user asks the
// adapter for: the sockets in the room on every node (fetchSockets(), a request and one answer per node over
// Redis), each carrying its {username, room} in socket.data. Names stay unique per room across the nodes, checked
// the same way; two joins of one name racing on two nodes can both pass, as in any such app.
// The reference's deliberate differences are kept: no bad-words check, the crash on an unjoined socket guarded,
// roomData carrying only {username} per user.
// Environment: PORT, REDIS_URL (required, redis://127.0.0.1:6379), REDIS_PREFIX (the adapter's channel prefix,
// default "socket.io"), NODE_ID (names the node in its log).
const http = require('http');
const path = require('path');
const express = require('express');
const { Server } = require('socket.io');
const { createClient } = require('redis');
const { createAdapter } = require('@socket.io/redis-adapter');

const port = Number(process.env.PORT || 3000);
const redisUrl = process.env.REDIS_URL;
const prefix = process.env.REDIS_PREFIX || 'socket.io';
const nodeId = process.env.NODE_ID || String(process.pid);
if (!redisUrl) {
  console.error('REDIS_URL is required, e.g. redis://127.0.0.1:6379');
  process.exit(2);
}

const app = express();
const server = http.createServer(app);
const io = new Server(server);

app.use(express.static(path.join(__dirname, 'public')));

// Benchmark probe: heap after a full GC (node --expose-gc) and RSS, like the reference's.
app.get('/debug/memory', (req, res) => {
  if (global.gc) {
    global.gc();
  }
  res.json(process.memoryUsage());
});

const generateMessage = (username, text) => ({ username, text, createdAt: new Date().getTime() });
const generateLocationMessage = (username, url) => ({ username, url, createdAt: new Date().getTime() });

function validate(options) {
  let username = options && options.username;
  let room = options && options.room;
  if (typeof username !== 'string' || typeof room !== 'string') {
    return { error: 'Username and room are required!' };
  }
  username = username.trim().toLowerCase();
  room = room.trim().toLowerCase();
  if (!username || !room) {
    return { error: 'Username and room are required!' };
  }
  return { user: { username, room } };
}

// Every node's sockets in the room, in the order the adapter gathers them (this node's first).
async function roomData(room) {
  const sockets = await io.in(room).fetchSockets();
  return { room, users: sockets.map((s) => ({ username: s.data.username })) };
}

const reply = (callback, error) => {
  if (typeof callback === 'function') {
    if (error) {
      callback(error);
    } else {
      callback();
    }
  }
};

const failed = (what, callback) => (error) => {
  console.error(`${nodeId}: ${what} failed: ${error && error.message}`);
  reply(callback, 'Try again');
};

async function join(socket, options, callback) {
  const { error, user } = validate(options);
  if (error) {
    return reply(callback, error);
  }
  const members = await io.in(user.room).fetchSockets();
  if (members.some((s) => s.data.username === user.username)) {
    return reply(callback, 'Username is in use!');
  }
  socket.data.username = user.username;
  socket.data.room = user.room;
  socket.join(user.room);
  socket.emit('message', generateMessage('Admin', 'Welcome!'));
  socket.broadcast.to(user.room).emit('message', generateMessage('Admin', `${user.username} has joined!`));
  io.to(user.room).emit('roomData', await roomData(user.room));
  reply(callback);
}

async function leave(user) {
  io.to(user.room).emit('message', generateMessage('Admin', `${user.username} has left!`));
  io.to(user.room).emit('roomData', await roomData(user.room));
}

io.on('connection', (socket) => {
  socket.on('join', (options, callback) => {
    join(socket, options, callback).catch(failed('join', callback));
  });

  socket.on('sendMessage', (message, callback) => {
    const { username, room } = socket.data;
    if (!username) {
      return reply(callback, 'Join a room first');
    }
    io.to(room).emit('message', generateMessage(username, message));
    reply(callback);
  });

  socket.on('sendLocation', (coords, callback) => {
    const { username, room } = socket.data;
    if (!username || !coords) {
      return reply(callback, 'Join a room first');
    }
    const url = `https://google.com/maps?q=${coords.latitude},${coords.longitude}`;
    io.to(room).emit('locationMessage', generateLocationMessage(username, url));
    reply(callback);
  });

  socket.on('disconnect', () => {
    const { username, room } = socket.data;
    if (username) {
      leave({ username, room }).catch(failed('leave'));
    }
  });
});

// Listen only once both Redis connections are up: a node that cannot reach Redis would serve a split room.
async function start() {
  const pubClient = createClient({ url: redisUrl });
  const subClient = pubClient.duplicate();
  pubClient.on('error', (error) => console.error(`${nodeId}: redis: ${error.message}`));
  subClient.on('error', (error) => console.error(`${nodeId}: redis (subscriber): ${error.message}`));
  await Promise.all([pubClient.connect(), subClient.connect()]);
  io.adapter(createAdapter(pubClient, subClient, { key: prefix }));
  server.listen(port, () => {
    console.log(`Node ${nodeId} is up on port ${port}, rooms shared through ${redisUrl} (${prefix})`);
  });
}

start().catch((error) => {
  console.error(`${nodeId}: cannot start: ${error.message}`);
  process.exit(1);
});
