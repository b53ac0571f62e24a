jarva --version
