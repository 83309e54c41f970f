# The Villages node image: the gateway with its co-hosted silo (embedded mode) or, later, the separate roles.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Villages.Gateway -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV VILLAGES_DATA=/data
VOLUME /data
EXPOSE 5080
ENTRYPOINT ["dotnet", "Villages.Gateway.dll", "--urls", "http://0.0.0.0:5080"]
