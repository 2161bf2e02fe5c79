#include <stdio.h>
#include <netdb.h>
#include <string.h>
int main(int argc, char **argv) {
  struct addrinfo *res; int rc = getaddrinfo(argv[1], "6379", NULL, &res);
  if (rc) printf("getaddrinfo(%s): %d %s\n", argv[1], rc, gai_strerror(rc)); else printf("ok\n");
  return 0;
}
