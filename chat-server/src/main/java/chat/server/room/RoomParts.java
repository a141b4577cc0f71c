package chat.server.room;

import chat.server.metrics.RoomMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every {@link Room} shares: the seams, the clock and timers, the settings its rules read, its metrics.
 * {@code waiting} runs work that may wait on the seams (a room's lock, a Redis round trip) off the timer's one
 * thread: the cluster's request workers, or the scheduler itself on one server, where nothing waits long.
 */
record RoomParts(
    Clock clock,
    RoomLog log,
    RoomBus bus,
    Presence presence,
    RoomDataCoalescer roomData,
    ScheduledExecutorService scheduler,
    Executor waiting,
    ResumeTokens tokens,
    AtomicLong seatPositions,
    int historyOnJoin,
    Duration reconnectGrace,
    RoomMetrics metrics) {}
