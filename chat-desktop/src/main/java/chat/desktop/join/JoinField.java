package chat.desktop.join;

/** A field of the join dialog, named so the view-model can say which one an error is about. */
public enum JoinField {
  USERNAME,
  ROOM,
  SERVER
}
