package io.inkwell.auth.staff;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/**
 * The QR code of a secret's {@code otpauth://} address, which an authenticator app scans to set up
 * two-step sign-in: on the admin's account page (through the API) and on the sign-in page of a blog
 * that requires it.
 */
final class QrCode {

  private QrCode() {}

  /**
   * An SVG drawing, dark on a light ground whatever the page's colours, with the quiet zone
   * scanners need; no script and no outside address, so a page's CSP has nothing to allow.
   */
  static String svg(String uri) {
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
