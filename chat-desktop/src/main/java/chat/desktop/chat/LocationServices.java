package chat.desktop.chat;

import chat.desktop.location.LocationPrompt;
import chat.desktop.location.LocationProvider;
import chat.desktop.location.SavedLocation;

/** What location sharing needs: the provider chain, the remembered position, and a way to ask the user. */
public record LocationServices(LocationProvider providers, SavedLocation saved, LocationPrompt prompt) {}
