package io.inkwell.web.admin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.Serializable;
import java.util.Map;

/**
 * A secret for an authenticator app, as the account page shows it while two-step sign-in is set up:
 * a QR code of its {@code otpauth://} address to scan, and the key to type into an app that cannot
 * scan. Kept in the session between the button and the page (so {@code Serializable}).
 *
 * @param key the secret, in groups of four letters
 * @param uri the {@code otpauth://} address
 */
public record TwoStepSetup(String key, String uri) implements Serializable {

  /**
   * The QR code as an inline SVG drawing, dark on a light ground whatever the page's colours, with
   * the quiet zone scanners need; no script and no outside address, so the page's CSP has nothing
   * to allow.
   */
  public String qrCode() {
    BitMatrix modules;
    try {
      modules =
          new QRCodeWriter()
              .encode(uri, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalStateException("an otpauth address always fits a QR code", e);
    }
    var dark = new StringBuilder();
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        if (modules.get(x, y)) {
          dark.append('M').append(x).append(',').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"200\" height=\"200\" role=\"img\" aria-label=\"QR code for your authenticator app\" shape-rendering=\"crispEdges\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/><path fill=\"#000\" d=\"%s\"/></svg>"
        .formatted(modules.getWidth(), modules.getHeight(), dark);
  }
}
