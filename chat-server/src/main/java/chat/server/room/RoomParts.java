package chat.server.room;

import chat.server.metrics.RoomMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** What every {@link Room} shares: the seams, the clock and timers, the settings its rules read, its metrics. */
record RoomParts(
    Clock clock,
    RoomLog log,
    RoomBus bus,
    Presence presence,
    RoomDataCoalescer roomData,
    ScheduledExecutorService scheduler,
    ResumeTokens tokens,
    AtomicLong seatPositions,
    int historyOnJoin,
    Duration reconnectGrace,
    RoomMetrics metrics) {}
