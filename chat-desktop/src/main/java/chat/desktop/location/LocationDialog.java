package chat.desktop.location;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The small "Your location" dialog: latitude and longitude, checked before it closes. */
public final class LocationDialog implements LocationPrompt {
  private final Window owner;
  private final String stylesheet;

  /** {@code stylesheet} is the app's CSS URL: a dialog is its own scene and does not inherit the window's. */
  public LocationDialog(Window owner, String stylesheet) {
    this.owner = owner;
    this.stylesheet = stylesheet;
  }

  @Override
  public CompletableFuture<Optional<GeoPosition>> ask(Optional<GeoPosition> current) {
    CompletableFuture<Optional<GeoPosition>> answer = new CompletableFuture<>();
    Dialog<GeoPosition> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Your location");
    dialog.setHeaderText("A desktop app cannot read your position.\nEnter it once; it is remembered.");
    TextField latitude = field("latitudeField", "Latitude, e.g. 51.5007", current.map(GeoPosition::latitude));
    TextField longitude = field("longitudeField", "Longitude, e.g. -0.1246", current.map(GeoPosition::longitude));
    Label error = new Label();
    error.setId("locationError");
    error.getStyleClass().add("error-text");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("Latitude"), latitude);
    grid.addRow(1, new Label("Longitude"), longitude);
    grid.add(error, 0, 2, 2, 1);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getStylesheets().add(stylesheet);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
    ok.setId("locationOk");
    ok.addEventFilter(ActionEvent.ACTION, event -> {
      try {
        GeoPosition.parse(latitude.getText(), longitude.getText());
      } catch (IllegalArgumentException e) {
        error.setText(e.getMessage());
        event.consume();
      }
    });
    dialog.setResultConverter(button -> button == ButtonType.OK
        ? GeoPosition.parse(latitude.getText(), longitude.getText()) : null);
    dialog.setOnHidden(event -> answer.complete(Optional.ofNullable(dialog.getResult())));
    dialog.show();
    latitude.requestFocus();
    return answer;
  }

  private static TextField field(String id, String prompt, Optional<Double> value) {
    TextField field = new TextField(value.map(String::valueOf).orElse(""));
    field.setId(id);
    field.setPromptText(prompt);
    field.setAccessibleText(prompt);
    return field;
  }
}
