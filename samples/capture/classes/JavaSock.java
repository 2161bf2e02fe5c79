// The JVM's own socket errors (what Jedis and Lettuce wrap): a closed port, a blackholed address, an unknown host.
import java.net.InetSocketAddress;
import java.net.Socket;

public class JavaSock {
    public static void main(String[] args) {
        for (String target : args) {
            String[] hp = target.split(":");
            System.out.println("=== java " + target);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 1500);
            } catch (Exception e) {
                e.printStackTrace(System.out);
            }
        }
    }
}
