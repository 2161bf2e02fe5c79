#!/usr/bin/env escript
%% A rate-counter worker in Erlang on eredis (Debian erlang-redis-client 1.2.0), run as an escript.
%% Reads REDIS_URL, works in rounds; errors printed with io:format/logger as eredis' README shows ({error, Reason}).
-mode(compile).

parse(Url) ->
    case uri_string:parse(Url) of
        #{host := Host} = U ->
            Port = maps:get(port, U, 6379),
            Pass = case string:split(maps:get(userinfo, U, ""), ":") of [_, P] -> P; _ -> "" end,
            {ok, Host, Port, Pass};
        Other -> {error, Other}
    end.

main(_) ->
    Url = os:getenv("REDIS_URL", "redis://127.0.0.1:6379"),
    logger:info("rates worker starting"),
    io:format("rates worker starting~n"),
    case parse(Url) of
        {ok, Host, Port, Pass} ->
            case eredis:start_link(Host, Port, 0, Pass, 1000) of
                {ok, C} ->
                    io:format("connected to redis at ~s:~p~n", [Host, Port]),
                    loop(C, 1);
                {error, Reason} ->
                    logger:error("could not connect to redis: ~p", [Reason]),
                    halt(1)
            end;
        {error, E} ->
            logger:error("bad REDIS_URL ~p: ~p", [Url, E]),
            halt(1)
    end.

loop(_C, 40) -> ok;
loop(C, N) ->
    Key = "rate:" ++ integer_to_list(N),
    case catch eredis:q(C, ["SET", Key, "1"], 2000) of
        {ok, _} ->
            case eredis:q(C, ["INCR", "rates:total"]) of
                {ok, V} -> io:format("round ~p: rates=~s~n", [N, V]);
                {error, R} -> logger:error("round ~p: INCR failed: ~p", [N, R])
            end;
        {error, Reason} -> logger:error("round ~p: redis error: ~p", [N, Reason]);
        {'EXIT', Why} -> logger:error("round ~p: redis call crashed: ~p", [N, Why])
    end,
    timer:sleep(800),
    loop(C, N + 1).
