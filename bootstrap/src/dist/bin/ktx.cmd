@echo off
rem ktx launcher for Windows. Finds lib\ and assets\ relative to its own location.
setlocal
set "KTX_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_CMD=%JAVA_HOME%\bin\java.exe") else (set "JAVA_CMD=java")
"%JAVA_CMD%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -XX:Tier0InvokeNotifyFreqLog=10 -Dsun.reflect.inflationThreshold=100000 %KTX_JAVA_OPTS% -Dktx.home="%KTX_HOME%" -cp "%KTX_HOME%\lib\ktx.jar" ai.kaelio.ktx.bootstrap.Main %*
exit /b %ERRORLEVEL%
