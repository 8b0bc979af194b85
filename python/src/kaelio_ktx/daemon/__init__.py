"""The daemon behind `ktx-daemon serve-http`: its lifecycle (the composition
root: signals, bind, ready file, stop), the files it reads and writes, and the
features it finds.

Imported only by the serve-http handler in cli.py, never at package level:
http.server, numpy and onnxruntime must not slow down `import kaelio_ktx` or
`ktx-daemon --version`.
"""
