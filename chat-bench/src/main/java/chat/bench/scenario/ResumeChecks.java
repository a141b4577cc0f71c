package chat.bench.scenario;

import chat.bench.protocol.HistoryFrame;
import chat.bench.report.RunReport;

/**
 * The counts a resume's checks keep (the reconnect storm's rounds, the node kill), and their verdict. Loop
 * thread only.
 */
final class ResumeChecks {
  long historyEntries;
  long notRecovered;
  long historyRepeats;
  long historyGaps;
  long presenceNotices;
  long liveRepeats;
  long unexpectedHistories;
  long resumesRefused;
  long acksBeforeHistory;
  long postsNotStored;
  long missing;

  /** A history entry: it must be the next id after the previous one ({@code expected}). */
  /** A resume history after {@code since}: recovered, exactly the ids after it, no notice; its last id. */
  long history(byte[] bytes, int offset, int length, long since) {
    if (!Boolean.TRUE.equals(HistoryFrame.recovered(bytes, offset, length))) {
      notRecovered++;
    }
    long[] expected = {since + 1};
    HistoryFrame.forEachMessage(bytes, offset, length, (id, text, textOffset, textLength) -> {
      historyEntry(id, expected[0], SystemTexts.isPresenceNotice(text, textOffset, textLength));
      expected[0] = Math.max(expected[0], id + 1);
    });
    return expected[0] - 1;
  }

  /** A text not of the run's: a "has joined!" or "has left!" notice must not come (the seats were held). */
  void otherText(byte[] bytes, int textOffset, int textLength) {
    if (SystemTexts.isPresenceNotice(bytes, textOffset, textLength)) {
      presenceNotices++;
    }
  }

  void historyEntry(long id, long expected, boolean presenceNotice) {
    historyEntries++;
    if (id < expected) {
      historyRepeats++;
    } else if (id > expected) {
      historyGaps++;
    }
    if (presenceNotice) {
      presenceNotices++;
    }
  }

  void verify(RunReport report, String phase, int resumers, int postedAcks, int posted) {
    check(report, postedAcks == posted, phase + postedAcks + " of " + posted + " posts acked");
    check(report, postsNotStored == 0, phase + postsNotStored + " posts refused or acked without an id");
    check(report, missing == 0, phase + missing + " (resumer, acked post) pairs where the post never arrived");
    verifyResumes(report, phase, resumers);
  }

  /** The resumes' own rules: taken back, recovered, each id once and in order, silently. */
  void verifyResumes(RunReport report, String phase, int resumers) {
    check(report, resumesRefused == 0, phase + resumesRefused + " resuming joins refused");
    check(report, notRecovered == 0, phase + notRecovered + " of " + resumers + " histories not recovered:true");
    check(report, historyRepeats == 0 && liveRepeats == 0, phase + historyRepeats + " history entries and "
        + liveRepeats + " live messages the client had already");
    check(report, historyGaps == 0, phase + historyGaps + " gaps in the histories' ids");
    check(report, presenceNotices == 0, phase + presenceNotices + " 'has joined!'/'has left!' notices seen");
    check(report, unexpectedHistories == 0, phase + unexpectedHistories
        + " histories sent to users who were not resuming");
    check(report, acksBeforeHistory == 0, phase + acksBeforeHistory + " resume acks before their history");
  }

  private static void check(RunReport report, boolean ok, String failure) {
    DeliveryCheck.check(report, ok, failure);
  }
}
