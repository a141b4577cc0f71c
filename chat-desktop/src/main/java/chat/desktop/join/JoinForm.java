package chat.desktop.join;

/** The join dialog's three fields, as prefilled or typed. */
public record JoinForm(String server, String username, String room) {}
