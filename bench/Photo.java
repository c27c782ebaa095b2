import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Writes a camera-like JPEG for the pictures benchmark: a sky gradient over textured ground with
 * sensor grain, at quality 0.92, so it compresses about as a phone's photo does (the JDK runs this
 * file as it is: {@code java bench/Photo.java 4000 3000 photo.jpg}).
 */
public class Photo {
  public static void main(String[] args) throws Exception {
    int width = Integer.parseInt(args[0]);
    int height = Integer.parseInt(args[1]);
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var random = new Random(42);
    for (int y = 0; y < height; y++) {
      double v = (double) y / height;
      for (int x = 0; x < width; x++) {
        double u = (double) x / width;
        int grain = (int) (random.nextGaussian() * 9);
        int r, g, b;
        if (v < 0.45 + 0.05 * Math.sin(u * 9)) {
          r = (int) (90 + 100 * v);
          g = (int) (140 + 80 * v);
          b = 230;
        } else {
          double texture = Math.sin(x * 0.05 + Math.sin(y * 0.03) * 4) * Math.cos(y * 0.07);
          r = (int) (110 + 40 * texture + 30 * u);
          g = (int) (95 + 35 * texture);
          b = (int) (60 + 20 * texture);
        }
        image.setRGB(x, y, clamp(r + grain) << 16 | clamp(g + grain) << 8 | clamp(b + grain));
      }
    }
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.92f);
    try (var out = new FileImageOutputStream(new File(args[2]))) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    }
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }
}
