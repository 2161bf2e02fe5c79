# Erlang's inet errors as an Elixir app meets them (issue 13, session 4): the atoms :gen_tcp.connect returns (what
# Redix and eredis get and report), inspected as Elixir prints them, and a GenServer that matched only {:ok, socket}
# crashing on one, as Logger reports it (the shape of Redix.PubSub's crash in redix_pubsub#12).
# argv: host port badhost blackholed-host
require Logger
[host, port, bad, hole] = System.argv()
port = String.to_integer(port)
IO.inspect(:gen_tcp.connect(String.to_charlist(host), port, [:binary, active: false]), label: "gen_tcp.connect #{host}:#{port}")
IO.inspect(:gen_tcp.connect(String.to_charlist(bad), port, [:binary, active: false]), label: "gen_tcp.connect #{bad}:#{port}")
IO.inspect(:gen_tcp.connect(String.to_charlist(hole), port, [:binary, active: false], 1000), label: "gen_tcp.connect #{hole}:#{port} (1 s)")
IO.puts(":inet.format_error(:econnrefused) = #{:inet.format_error(:econnrefused)}")
IO.puts(":inet.format_error(:nxdomain) = #{:inet.format_error(:nxdomain)}")

defmodule Conn do
  use GenServer
  def init({host, port}), do: {:ok, %{host: host, port: port, socket: nil}, {:continue, :connect}}
  def handle_continue(:connect, state) do
    case :gen_tcp.connect(String.to_charlist(state.host), state.port, [:binary, active: false]) do
      {:ok, socket} -> {:noreply, %{state | socket: socket}}
    end
  end
end

Process.flag(:trap_exit, true)
{:ok, pid} = GenServer.start_link(Conn, {host, port})
receive do
  {:EXIT, ^pid, _} -> :ok
after
  2000 -> :ok
end
Process.sleep(200)
