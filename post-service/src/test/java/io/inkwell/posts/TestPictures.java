package io.inkwell.posts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Pictures for tests, made as a camera or a drawing program would write them. */
public final class TestPictures {

  private TestPictures() {}

  /** A real picture in the format ImageIO writes, each size a different picture. */
  public static byte[] picture(String format, int width, int height) throws IOException {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(30, 120, 200));
    graphics.fillRect(0, 0, width / 2 + 1, height);
    graphics.dispose();
    var out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IllegalStateException("no writer for " + format);
    }
    return out.toByteArray();
  }
}
