# palisade sync as a cluster controller. Build: docker build -t palisade .
# Build stage: the SDK restores and publishes the CLI; tests and benchmarks stay out of the image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
# Project files first, so the restore layer is reused while only source files change.
COPY src/Palisade.Cli/Palisade.Cli.csproj src/Palisade.Cli/
COPY src/Palisade.GitOps/Palisade.GitOps.csproj src/Palisade.GitOps/
COPY src/Palisade.Kube/Palisade.Kube.csproj src/Palisade.Kube/
COPY src/Palisade.Policy/Palisade.Policy.csproj src/Palisade.Policy/
COPY src/Palisade.Rego/Palisade.Rego.csproj src/Palisade.Rego/
COPY src/Palisade.Sandbox/Palisade.Sandbox.csproj src/Palisade.Sandbox/
RUN dotnet restore src/Palisade.Cli/Palisade.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Palisade.Cli/Palisade.Cli.csproj --no-restore -c Release -o /out

# Runtime: the ASP.NET Core runtime, because the metrics endpoint and the sandbox run on Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# palisade shells out to git to fetch, to ssh for ssh:// sources and to gpg (and ssh-keygen) to verify signatures.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git openssh-client gnupg ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 65532 palisade \
    && useradd --system --uid 65532 --gid 65532 --home-dir /home/palisade --create-home --shell /usr/sbin/nologin palisade
COPY --from=build /out /app
RUN ln -s /app/palisade /usr/local/bin/palisade
# The apphost looks for the runtime here; say so rather than rely on its default search.
ENV DOTNET_ROOT=/usr/share/dotnet
USER 65532:65532
WORKDIR /home/palisade
ENTRYPOINT ["palisade"]
CMD ["--help"]
