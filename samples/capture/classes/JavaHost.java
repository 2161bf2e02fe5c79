// The JVM's socket given host and port apart (what Jedis' new Jedis(host, port) and Lettuce do): a whole URL as
// the host, and an address no socket can connect to.
import java.net.InetSocketAddress;
import java.net.Socket;

public class JavaHost {
    public static void main(String[] args) {
        for (String host : args) {
            System.out.println("--- java new Socket().connect(" + host + ", 6379)");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, 6379), 1500);
            } catch (Exception e) {
                System.out.println(e);
            }
        }
    }
}
