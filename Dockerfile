# One image for every Villages role: the gateway (embedded node or cluster client), the silo, and the CLI.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Villages.Gateway -c Release -o /app/gateway \
 && dotnet publish src/Villages.Silo -c Release -o /app/silo \
 && dotnet publish src/Villages.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
COPY --from=build /app /app
ENV VILLAGES_DATA=/data
WORKDIR /app/gateway
EXPOSE 5080
ENTRYPOINT ["dotnet", "/app/gateway/Villages.Gateway.dll", "--urls", "http://0.0.0.0:5080"]
