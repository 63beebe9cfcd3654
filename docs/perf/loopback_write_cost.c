/*
 * What one small write to a loopback TCP socket costs on this machine, with nothing of the
 * JVM, Netty or Vert.x in the way: the floor under any fan-out that writes each connection once.
 *
 * N connections; one thread writes a B-byte chunk to each in turn (one "fan-out round"),
 * R rounds with a 1 ms pause between them; another thread reads them all through epoll, as a
 * load generator would. Prints the writer's wall time per write and per round.
 *
 *   gcc -O2 -o /tmp/loopback_write_cost docs/perf/loopback_write_cost.c -lpthread
 *   /tmp/loopback_write_cost 2500 300 40      # 2,500 connections, 300-byte writes, 40 rounds
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int n_conns;
static int *client_fds;
static volatile int done;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void *reader(void *unused) {
  int ep = epoll_create1(0);
  for (int i = 0; i < n_conns; i++) {
    struct epoll_event e = {.events = EPOLLIN, .data.fd = client_fds[i]};
    epoll_ctl(ep, EPOLL_CTL_ADD, client_fds[i], &e);
  }
  struct epoll_event ready[512];
  static char buf[65536];
  while (!done) {
    int n = epoll_wait(ep, ready, 512, 100);
    for (int i = 0; i < n; i++) {
      if (read(ready[i].data.fd, buf, sizeof buf) < 0) {
        perror("read");
      }
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s CONNECTIONS BYTES ROUNDS\n", argv[0]);
    return 64;
  }
  n_conns = atoi(argv[1]);
  int bytes = atoi(argv[2]);
  int rounds = atoi(argv[3]);
  client_fds = malloc(n_conns * sizeof(int));
  int *server_fds = malloc(n_conns * sizeof(int));
  int one = 1;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof addr;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 4096)
      || getsockname(listener, (struct sockaddr *) &addr, &len)) {
    perror("listen");
    return 1;
  }
  for (int i = 0; i < n_conns; i++) {
    client_fds[i] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(client_fds[i], (struct sockaddr *) &addr, sizeof addr)) {
      perror("connect (raise ulimit -n?)");
      return 1;
    }
    server_fds[i] = accept(listener, NULL, NULL);
    setsockopt(server_fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(server_fds[i], F_SETFL, O_NONBLOCK);
  }
  pthread_t thread;
  pthread_create(&thread, NULL, reader, NULL);
  char *chunk = malloc(bytes);
  memset(chunk, 'x', bytes);
  long writes = 0;
  double start = now();
  for (int r = 0; r < rounds; r++) {
    for (int i = 0; i < n_conns; i++) {
      if (write(server_fds[i], chunk, bytes) > 0) {
        writes++;
      }
    }
    usleep(1000);
  }
  double elapsed = now() - start - rounds * 0.001;
  done = 1;
  pthread_join(thread, NULL);
  printf("%d connections, %d-byte writes: %.2f us per write, %.1f ms per round of %d writes\n",
         n_conns, bytes, elapsed * 1e6 / writes, elapsed * 1e3 / rounds, n_conns);
  return 0;
}
