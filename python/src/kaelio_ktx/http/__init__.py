"""The daemon's HTTP side.

- `app`: what every request shares (token, features, embedder, log, stops);
- `routes`: authentication, routing and the endpoints, as plain functions from
  a request to a response, testable without a socket;
- `schemas`: the endpoints' request bodies, validated into values;
- `server`: the socket side (http.server), body limits and timeouts.

Imports nothing of `kaelio_ktx.daemon`: the lifecycle wires this package, not
the other way round.
"""
