package dev.vchat.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

/**
 * Where the {@link UserRegistry} keeps its entries: {@link #SHARED_DATA}, the {@code chat.users}
 * map of Vert.x shared data (cluster-wide when clustered). Tests hand the server that map wrapped
 * so that it fails on cue ({@code ChatMainVerticle(UserStore)}).
 */
@FunctionalInterface
public interface UserStore {

  UserStore SHARED_DATA = vertx -> vertx.sharedData().getAsyncMap(Addresses.USERS_MAP);

  Future<AsyncMap<String, String>> open(Vertx vertx);
}
